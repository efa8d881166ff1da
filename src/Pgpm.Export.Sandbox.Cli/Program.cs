using Pgpm.Export.Sandbox.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await SandboxApplication.RunAsync(args, Console.Out, Console.Error, Console.In, cancellation.Token);
