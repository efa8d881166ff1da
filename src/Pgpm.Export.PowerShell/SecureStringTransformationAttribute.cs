using System.Management.Automation;
using System.Net;

namespace Pgpm.Export.PowerShell;

/// <summary>
/// Lets a SecureString parameter (-Token) take a plain string as well, as PowerShell users hold tokens (from a vault,
/// <c>$env:</c>, a file): the string becomes a read-only SecureString during binding, the way the [Credential]
/// attribute turns a user name into a PSCredential. The value is never part of a message: an empty string is refused
/// naming only the parameter.
/// </summary>
public sealed class SecureStringTransformationAttribute : ArgumentTransformationAttribute
{
    /// <exception cref="ArgumentTransformationMetadataException">The string is empty (binding then fails naming the parameter, not the
    /// value).</exception>
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        if ((inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is not string text)
            return inputData;
        if (text.Length == 0)
            throw new ArgumentTransformationMetadataException(
                "The token is an empty string; give the token, "
                    + $"or leave the parameter out to use $env:{Commands.SourceRequest.TokenVariable}."
            );
        var secure = new NetworkCredential(string.Empty, text).SecurePassword;
        secure.MakeReadOnly();
        return secure;
    }
}
