using System.Text;
using Xunit;

namespace Pgpm.Export.Tests.Infrastructure;

public static class WorkspaceAssert
{
    /// <summary>Both folders hold the same files with the same bytes; a failure shows the first line that differs.</summary>
    public static void Identical(string expectedRoot, string actualRoot, int minimumFiles = 1)
    {
        var expected = TempDirectory.Snapshot(expectedRoot);
        var actual = TempDirectory.Snapshot(actualRoot);
        Assert.True(expected.Count >= minimumFiles, $"expected at least {minimumFiles} files, the reference has {expected.Count}");
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (path, bytes) in expected)
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{path} differs. {FirstDifference(bytes, actual[path])}");
    }

    private static string FirstDifference(byte[] expected, byte[] actual)
    {
        var a = Encoding.UTF8.GetString(expected).Split('\n');
        var b = Encoding.UTF8.GetString(actual).Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "<end>";
            var right = i < b.Length ? b[i] : "<end>";
            if (left != right)
                return $"Line {i + 1}:\n  expected: {left}\n  actual:   {right}";
        }
        return "Same text, different bytes.";
    }
}
