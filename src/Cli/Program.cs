using SymbolicGen.Cli;

return SymgenApp.Run(args, Console.Out, Console.Error);
