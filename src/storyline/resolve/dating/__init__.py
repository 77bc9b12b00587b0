"""Publication dates of undated documents, from their own text and from the corpus.

The public face of dating; the modules behind it, in the order a date is worked out:

- clues.py: what is known about one document's day (``Clue``: days it can be; ``Lean``: days
  it more likely is); text.py, dateline.py, holidays.py, anchors.py: the clues a document's
  own words and the user's anchors give; context.py, facts.py, links.py, ages.py,
  neighbours.py, period.py: the clues and leans other documents give;
- relative.py: a time expression as a function of the publication day, both ways;
- solve.py: the clues weighed into an interval and a best day;
- infer.py: all of it over a corpus, in rounds (``DateInference``);
- apply.py: the inferred dates put on the documents, their analyses re-dated (redate.py);
- settings.py: the data files in data/ (weights, lag tables, cue words, holiday tables).
"""

from storyline.resolve.dating.anchors import Anchor, load_anchors, make_anchor, parse_anchor
from storyline.resolve.dating.apply import DatedCorpus, apply_dating
from storyline.resolve.dating.infer import DateInference, DocumentDate, known_day, needs_dating

__all__ = [
    "Anchor",
    "DateInference",
    "DatedCorpus",
    "DocumentDate",
    "apply_dating",
    "known_day",
    "load_anchors",
    "make_anchor",
    "needs_dating",
    "parse_anchor",
]
