using Microsoft.Data.Sqlite;

namespace Broadcast.Durable.Storage;

/// <summary>A statement prepared once per connection and run many times with new parameter values.</summary>
internal sealed class PreparedCommand : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public PreparedCommand(SqliteConnection connection, string sql, params string[] parameterNames)
    {
        _command = connection.CreateCommand();
        _command.CommandText = sql;
        _parameters = new SqliteParameter[parameterNames.Length];
        for (var i = 0; i < parameterNames.Length; i++)
        {
            _parameters[i] = _command.Parameters.Add(new SqliteParameter(parameterNames[i], DBNull.Value));
        }

        _command.Prepare();
    }

    public PreparedCommand Bind(int index, object? value)
    {
        _parameters[index].Value = value ?? DBNull.Value;
        return this;
    }

    public int Run() => _command.ExecuteNonQuery();

    public object? Scalar() => _command.ExecuteScalar();

    public SqliteDataReader Read() => _command.ExecuteReader();

    public void Dispose() => _command.Dispose();
}
