using System.Collections.Concurrent;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace Pgpm.Export.PowerShell.Completers;

/// <summary>
/// What completion read from a source, kept for <see cref="Lifetime"/> in the session's memory so that pressing Tab again
/// asks nothing of the source (no connection, no request). Keyed by what was completed and a SHA-256 of the source as the
/// line names it (connection string, or endpoint with token, credential and headers; a -Source object by its identity):
/// the secret itself is never stored, and another token or password is another entry. Only answers are kept; a source
/// that failed or gave up is asked again next time.
/// </summary>
internal static class CompletionCache
{
    /// <summary>How long an answer is reused: long enough for a few Tabs in a row, short enough that a new database or schema soon
    /// shows.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private static readonly ConcurrentDictionary<string, (DateTime Expires, IReadOnlyList<CompletionResult> Results)> Answers = new(
        StringComparer.Ordinal
    );
    private static readonly ConditionalWeakTable<object, string> Identities = new();

    /// <summary>The cached answer for <paramref name="key"/>, if one is still fresh.</summary>
    public static bool TryGet(string key, out IReadOnlyList<CompletionResult> results)
    {
        if (Answers.TryGetValue(key, out var entry) && entry.Expires > DateTime.UtcNow)
        {
            results = entry.Results;
            return true;
        }
        results = [];
        return false;
    }

    public static void Set(string key, IReadOnlyList<CompletionResult> results)
    {
        var now = DateTime.UtcNow;
        foreach (var stale in Answers.Where(a => a.Value.Expires <= now).Select(a => a.Key).ToList())
            Answers.TryRemove(stale, out _);
        Answers[key] = (now + Lifetime, results);
    }

    /// <summary>A key of the parts given (secrets among them), as a SHA-256: nothing of them can be read back from it.</summary>
    public static string Key(params string?[] parts)
    {
        var text = string.Join("\u0000", parts.Select(p => p ?? "\u0001"));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>A stable name for one object (a -Source) for as long as it lives.</summary>
    public static string Identity(object value) => Identities.GetValue(value, _ => Guid.NewGuid().ToString("N"));
}
