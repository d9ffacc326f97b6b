"""The ``summarize eval --plot`` bar chart (matplotlib, the ``plot`` extra)."""

from __future__ import annotations

from summarize.errors import SummarizeError
from summarize.evaluation.results import CEILINGS, MEASURES, Evaluation
from summarize.render.evaluation import evaluation_title


def check_plotting() -> None:
    """Raise :class:`SummarizeError` when matplotlib (the ``plot`` extra) is missing."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise SummarizeError("--plot needs matplotlib: pip install 'summarize[plot]'") from None


def plot_evaluation(evaluation: Evaluation, path: str) -> None:
    """A bar chart per set: the F1 of each measure (recall for headlines, as they are
    scored), a bar per scorer with its confidence interval as an error bar."""
    check_plotting()
    from matplotlib.figure import Figure

    sets = evaluation.sets
    figure = Figure(figsize=(8, 3.2 * len(sets)), layout="constrained")
    axes = figure.subplots(len(sets), 1, squeeze=False)[:, 0]
    for ax, result in zip(axes, sets, strict=True):
        part = "recall" if result.target == "headlines" else "fmeasure"
        metrics = [(f"ROUGE-{m[5:]} {part[0].upper()}", f"{m}.{part}") for m in MEASURES]
        names = result.scorers
        width = 0.8 / max(len(names), 1)
        for k, name in enumerate(names):
            row = result.result(name)
            means = [100 * row.metrics[m].mean for _, m in metrics]
            below = [100 * (row.metrics[m].mean - row.metrics[m].low) for _, m in metrics]
            above = [100 * (row.metrics[m].high - row.metrics[m].mean) for _, m in metrics]
            positions = [i - 0.4 + width * (k + 0.5) for i in range(len(metrics))]
            ax.bar(
                positions,
                means,
                width,
                yerr=[below, above],
                capsize=2,
                label=name,
                hatch="//" if name in CEILINGS else None,
            )
        ax.set_xticks(range(len(metrics)), [label for label, _ in metrics])
        ax.set_ylabel("ROUGE (%)")
        ax.set_title(evaluation_title(result), loc="left", fontsize="medium")
        ax.grid(axis="y", alpha=0.3)
        ax.set_axisbelow(True)
        ax.legend(fontsize="small", ncols=min(len(names), 4), loc="upper right")
        ax.margins(y=0.25)
    figure.savefig(path, dpi=150)
