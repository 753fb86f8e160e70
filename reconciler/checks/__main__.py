"""`python -m reconciler.checks`: regenerate the checks of the shipped schemas."""

from reconciler.checks import main

main()
