from storyline.model import Analysis, Entity, Evidence, Figure, Sentence
from storyline.resolve.figure_countries import figure_countries
from storyline.resolve.figure_series import FigureContext
from storyline.resolve.figures import figure_conflicts

TEXT = "In Spain, which has 143 confirmed cases, most caught it abroad. Officials said 150 cases."


def _at(words: str, doc: str = "d1") -> Evidence:
    start = TEXT.index(words)
    return Evidence(doc=doc, start=start, end=start + len(words), text=words)


def test_a_figure_takes_the_countries_its_sentence_names() -> None:
    first_end = TEXT.index(".") + 1
    analysis = Analysis(
        doc="d1",
        pipeline_version="test",
        sentences=[Sentence(start=0, end=first_end), Sentence(start=first_end + 1, end=len(TEXT))],
    )
    spain = Entity(id="e:spain", name="Spain", kind="place", country="ESP", mentions=[_at("Spain")])
    in_spain = Figure(id="f1", value=143, counts="cases", evidence=_at("143 confirmed cases"))
    later = Figure(id="f2", value=150, counts="cases", evidence=_at("150 cases"))
    assert figure_countries([in_spain, later], [analysis], [spain]) == {"f1": frozenset({"ESP"})}


def _fig(doc: str, value: float) -> Figure:
    ev = Evidence(doc=doc, start=0, end=5, text="12345")
    return Figure(id=f"f:{doc}", value=value, counts="cases", as_of="2009-05-29", evidence=ev)


def test_figures_of_sentences_naming_other_countries_do_not_conflict() -> None:
    spain, australia, unnamed = _fig("d1", 143), _fig("d2", 147), _fig("d3", 150)
    countries = {spain.id: frozenset({"ESP"}), australia.id: frozenset({"AUS"})}
    context = FigureContext({}, {}, {}, countries)
    assert figure_conflicts([spain, australia], context) == []
    # A sentence naming no country joins one side, never both.
    [conflict] = figure_conflicts([spain, australia, unnamed], context)
    assert len(conflict.items) == 2 and unnamed.id in conflict.items
    shared = {spain.id: frozenset({"ESP", "AUS"}), australia.id: frozenset({"AUS"})}
    assert len(figure_conflicts([spain, australia], FigureContext({}, {}, {}, shared))) == 1
