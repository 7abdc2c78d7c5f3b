from editor.app import main

main()
