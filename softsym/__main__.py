"""`python -m softsym` runs the command line, as the `softsym` script does."""

from softsym.cli import main

if __name__ == "__main__":
    main()
