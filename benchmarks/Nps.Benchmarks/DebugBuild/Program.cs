// The benchmarks are built in Release only: BenchmarkDotNet refuses to measure a Debug build, and the DuckDB
// baselines' native files (about 420 MB for every platform) are restored only when the benchmarks are built.
// A Debug build of the solution (dotnet test) compiles this stand-in instead.
System.Console.Error.WriteLine("Build the benchmarks in Release: dotnet run -c Release --project benchmarks/Nps.Benchmarks -- --smoke");
return 1;
