"""Checking the mathematics of documents (Markdown, LaTeX) as written.

``extract`` finds the math blocks and declarations of a document with their line numbers;
``chains`` splits each block into the relations it states (``a = b = c`` → two relations);
``check`` reads and decides them; ``report`` prints the results.
"""
