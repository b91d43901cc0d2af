"""Actors: who each article names and how (``find``, ``names``, ``descriptions``: the one
resolver of titles and descriptions, ``index`` for a story config's
actors), each mention's stance (``score``), the per-document stage and its cached form
(``stage``), one name per actor across articles (``link``) and each document's and outlet's
stance toward it (``stances``)."""
