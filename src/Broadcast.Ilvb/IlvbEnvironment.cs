namespace Broadcast.Ilvb;

/// <summary>The seed's two vendor domains.</summary>
public enum IlvbEnvironment
{
    /// <summary><c>https://test.tim.qq.com/</c>.</summary>
    Test,

    /// <summary><c>https://openapi.tim.qq.com/</c>.</summary>
    Formal,
}
