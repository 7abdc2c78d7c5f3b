"""Data shipped with the app: seed corpus, default bank, curated lists, dictionaries.

Installed as ``phrasebank.resources``; read it with :func:`phrasebank.paths.resource`.
"""
