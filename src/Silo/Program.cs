return await Rtl.Silo.Cli.Cli.Main(args);
