from glamwiki.cli import main

main()
