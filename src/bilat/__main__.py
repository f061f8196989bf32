from bilat.cli import main

main()
