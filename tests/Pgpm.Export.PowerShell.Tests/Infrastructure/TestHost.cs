using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace Pgpm.Export.PowerShell.Tests.Infrastructure;

/// <summary>
/// A PowerShell host for the tests: it either answers every choice prompt with a given answer (and records the
/// prompt) or, when non-interactive, refuses every prompt the way `pwsh -NonInteractive` does.
/// </summary>
public sealed class TestHost(bool interactive, int choice = 0) : PSHost
{
    private readonly TestHostUserInterface _ui = new(interactive, choice);

    public IReadOnlyList<string> Prompts => _ui.Prompts;

    /// <summary>The labels of the last question's choices.</summary>
    public IReadOnlyList<string> LastChoices => _ui.LastChoices;

    /// <summary>Every line written to the host (what -WhatIf says goes here), in order.</summary>
    public IReadOnlyList<string> Lines => _ui.Lines;

    /// <summary>Called with every progress record, on the pipeline thread (a test stops the pipeline from here).</summary>
    public Action<ProgressRecord>? OnProgress
    {
        get => _ui.OnProgress;
        set => _ui.OnProgress = value;
    }

    /// <summary>Called when a choice prompt is shown, before it is answered (a test presses Ctrl+C here).</summary>
    public Action? OnPrompt
    {
        get => _ui.OnPrompt;
        set => _ui.OnPrompt = value;
    }
    public override string Name => "Pgpm.Export.TestHost";
    public override Version Version { get; } = new(1, 0);
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override PSHostUserInterface UI => _ui;
    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

    public override void SetShouldExit(int exitCode) { }

    public override void EnterNestedPrompt() => throw new NotSupportedException();

    public override void ExitNestedPrompt() => throw new NotSupportedException();

    public override void NotifyBeginApplication() { }

    public override void NotifyEndApplication() { }
}

internal sealed class TestHostUserInterface(bool interactive, int choice) : PSHostUserInterface
{
    private readonly List<string> _prompts = [];
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Prompts => _prompts;
    public IReadOnlyList<string> Lines => _lines;
    public Action<ProgressRecord>? OnProgress { get; set; }
    public Action? OnPrompt { get; set; }
    public override PSHostRawUserInterface? RawUI => null;

    /// <summary>The labels of the last question's choices, as the host was given them.</summary>
    public IReadOnlyList<string> LastChoices { get; private set; } = [];

    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
    {
        Refuse();
        _prompts.Add(message);
        LastChoices = choices.Select(c => c.Label).ToList();
        OnPrompt?.Invoke();
        return choice;
    }

    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
        Refuse<Dictionary<string, PSObject>>();

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
        Refuse<PSCredential>();

    public override PSCredential PromptForCredential(
        string caption,
        string message,
        string userName,
        string targetName,
        PSCredentialTypes allowedCredentialTypes,
        PSCredentialUIOptions options
    ) => Refuse<PSCredential>();

    public override string ReadLine() => Refuse<string>();

    public override SecureString ReadLineAsSecureString() => Refuse<SecureString>();

    public override void Write(string value) { }

    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) { }

    public override void WriteLine(string value) => _lines.Add(value);

    public override void WriteErrorLine(string value) { }

    public override void WriteDebugLine(string message) { }

    public override void WriteProgress(long sourceId, ProgressRecord record) => OnProgress?.Invoke(record);

    public override void WriteVerboseLine(string message) { }

    public override void WriteWarningLine(string message) { }

    private T Refuse<T>()
    {
        Refuse();
        throw new NotSupportedException("The test host reads no input.");
    }

    // The same exception and message as pwsh's console host started with -NonInteractive.
    private void Refuse()
    {
        if (!interactive)
            throw new PSInvalidOperationException("PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.");
    }
}
