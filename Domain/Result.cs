namespace Domain;

/// An expected failure, with a message that tells the user what to do.
public record Error(string Message, string? Field = null);

public sealed record NotFound(string What) : Error($"{What} was not found. It may have been removed, or the link is wrong.");

public sealed record AccessRefused(string What) : Error($"You do not have access to {What}. Ask the review office if you think you should.");

public sealed record Conflict(string What)
    : Error($"{What} was changed by someone else while you were working. Reload it to see the latest version; what you typed is kept.");

public sealed record ValidationFailed(IReadOnlyList<Error> Errors)
    : Error(string.Join(" ", Errors.Select(e => e.Message)));

public readonly record struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"No value: {Error!.Message}");

    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Fail(Error error) => new(default, error);

    public static implicit operator Result<T>(T value) => Ok(value);

    public static implicit operator Result<T>(Error error) => Fail(error);
}
