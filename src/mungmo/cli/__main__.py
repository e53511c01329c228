from mungmo.cli import main

main()
