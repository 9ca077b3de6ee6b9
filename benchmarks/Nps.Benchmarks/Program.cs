using BenchmarkDotNet.Running;
using Nps.Benchmarks;

// `--smoke`: the tiny in-process CI run (see Smoke). Anything else goes to BenchmarkSwitcher, e.g.
// `--filter '*' --job short`; see benchmarks/README.md.
if (args is ["--smoke"]) return Smoke.Run();

BenchmarkSwitcher.FromAssembly(typeof(Smoke).Assembly).Run(args);
return 0;
