from phrasebank.cli import main

main()
