using BenchmarkDotNet.Running;

if (args is ["--smoke"])
{
    // Placeholder smoke run until the benchmark suite lands.
    Console.WriteLine("benchmark smoke: ok");
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
