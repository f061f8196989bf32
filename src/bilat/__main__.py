from bilat.cli import cli

cli(prog_name="bilat")
