using System.CommandLine.Parsing;
using Pgpm.Export.Errors;

namespace Pgpm.Export.Cli;

/// <summary>
/// The values of the options that take more than System.CommandLine's default parsing: each wrong value is a one-line
/// error that names the option and says what it takes.
/// </summary>
internal static class OptionValueParsers
{
    /// <summary>
    /// auto, always or never (any case), or a one-line error that says so (the default names the CLR type and lists the
    /// values on lines of their own).
    /// </summary>
    public static ProgressMode Mode(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (text.All(char.IsAsciiLetter) && Enum.TryParse<ProgressMode>(text, ignoreCase: true, out var mode))
            return mode;
        result.AddError($"{((OptionResult)result.Parent!).Option.Name} takes auto, always or never, not '{text}'.");
        return ProgressMode.Auto;
    }

    /// <summary>A UUID, or an error that names the option and says what it takes (the default names the CLR type).</summary>
    public static Guid? Uuid(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (Guid.TryParse(text, out var id))
            return id;
        result.AddError(
            $"{OptionName.DatabaseId.CommandLine} takes the database's id, "
                + $"a UUID such as 5e7a0000-0000-4000-8000-000000000001, not '{text}'."
        );
        return null;
    }

    /// <summary>Repeated 'Name: value' options as headers; a later one of the same name wins, as the endpoint's checks have it.</summary>
    public static Dictionary<string, string> Headers(string[]? headers, OptionName option)
    {
        var split = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers ?? [])
        {
            var colon = header.IndexOf(':');
            if (colon <= 0)
                throw new ExportException(
                    ExportErrorKind.InvalidArgument,
                    ErrorId.HeaderInvalid,
                    $"{option} takes 'Name: value', not '{header.Split(':')[0]}…'."
                );
            split[header[..colon].Trim()] = header[(colon + 1)..];
        }
        return split;
    }
}
