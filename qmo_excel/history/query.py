"""Reading the history back as tables: the recorded rounds, the trend of one unit or one
indicator over the rounds (pandas pivots the rounds into columns), and the CSV export.

Tables come back with codes and numbers (``DataFrame``); the command line puts words on
them. Rounds are ordered by year, period end and span (``store.order_key``); a round's
column is labelled by its body when the history holds several, then its period and year.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pandas as pd

from qmo_excel.history.schema import TABLES
from qmo_excel.history.store import body_key, order_key
from qmo_excel.history.trends import pair_indicators
from qmo_excel.scoring import normal_code

ROUND_COLUMNS = ["id", "body", "level", "year", "period", "as_of", "units_expected",
                 "units_submitted", "indicators", "achieved", "not_achieved",
                 "share_achieved", "average_score", "town_objectives",
                 "town_objectives_achieved", "tasks_overdue", "problems", "tool_version",
                 "source_folder"]
UNIT_METRICS = ["band", "provisional", "score", "share_achieved", "indicators", "achieved",
                "exceeded", "not_achieved", "in_progress", "at_risk", "behind", "no_data",
                "tasks_overdue"]
# the columns of each table in the CSV export (all but the compressed manifest)
EXPORT_ORDER = ["rounds", *TABLES[1:]]


def rounds(conn: sqlite3.Connection, body: str | None = None) -> pd.DataFrame:
    """One row per recorded round, oldest first."""
    frame = pd.read_sql_query(f"SELECT {', '.join(ROUND_COLUMNS)} FROM rounds", conn)
    if body is not None:
        frame = frame[frame["body"].map(body_key) == body_key(body)]
    if frame.empty:
        return frame
    keys = frame.apply(lambda r: order_key(int(r["year"]), str(r["period"])), axis=1)
    frame = frame.assign(_key=keys).sort_values(["body", "level", "_key", "id"])
    return frame.drop(columns="_key").reset_index(drop=True)


def round_labels(frame: pd.DataFrame, label: dict[str, str]) -> dict[int, str]:
    """Column labels of rounds by id: '6 tháng 2023' (with the body when several)."""
    several = frame["body"].nunique() > 1
    out = {}
    for r in frame.itertuples():
        name = f"{label.get(str(r.period), str(r.period))} {r.year}"
        out[int(str(r.id))] = f"{r.body}: {name}" if several else name
    return out


def unit_trend(conn: sqlite3.Connection, code: str, label: dict[str, str],
               body: str | None = None) -> pd.DataFrame:
    """A unit's figures (rows) over the rounds (columns)."""
    order = rounds(conn, body)
    names = round_labels(order, label)
    units = pd.read_sql_query(
        f"SELECT round_id, code, {', '.join(UNIT_METRICS)} FROM units "
        "WHERE lower(code) = lower(?) AND submitted = 1", conn, params=(code.strip(),))
    units = units[units["round_id"].isin(names)]
    if units.empty:
        return pd.DataFrame()
    recorded = str(units["code"].iloc[-1])
    long = units.melt(id_vars="round_id", value_vars=UNIT_METRICS, var_name="metric")
    table = long.pivot(index="metric", columns="round_id", values="value")
    table = table.reindex(index=UNIT_METRICS,
                          columns=[i for i in names if i in set(units["round_id"])])
    table = table.rename(columns=names)
    table.columns.name = recorded  # the unit's code as the history writes it
    return table


def chains(found: pd.DataFrame, order: list[int]) -> pd.Series:
    """Which indicator each row is across rounds (an id per unit and indicator), matched
    round after round as the trends are: by code, then by text when renumbered
    (``trends.pair_indicators``) against each indicator's latest code and text."""
    ids = pd.Series(0, index=found.index, dtype="int64")
    at = {r: k for k, r in enumerate(order)}
    next_id = 0
    for _, rows in found.assign(_at=found["round_id"].map(at)).groupby("unit_code"):
        latest: list[tuple[str, str]] = []  # per chain of this unit: its latest (code, text)
        chain_of: list[int] = []
        for _, now in rows.sort_values("_at").groupby("_at", sort=True):
            pairs = pair_indicators(list(zip(now["code"], now["text"], strict=True)), latest)
            for n, (index, code, text) in enumerate(zip(now.index, now["code"], now["text"],
                                                        strict=True)):
                if n in pairs:
                    j = pairs[n][0]
                    ids[index] = chain_of[j]
                    latest[j] = (code, text)
                else:
                    ids[index] = next_id
                    chain_of.append(next_id)
                    latest.append((code, text))
                    next_id += 1
    return ids


def indicator_trend(conn: sqlite3.Connection, indicator: str, label: dict[str, str],
                    unit: str | None = None, body: str | None = None) -> pd.DataFrame:
    """An indicator's result, verdict and % of plan (rows: unit, code, text, what) over
    the rounds (columns). ``indicator`` is a code (as the latest round numbers it; an
    indicator renumbered since is followed by its text) or words of its text. A code
    that changed is shown as "1.1 (1.2)": the latest, then the earlier ones."""
    order = rounds(conn, body)
    names = round_labels(order, label)
    sql = ("SELECT round_id, unit_code, code, text, result_text, verdict, percent_of_plan "
           "FROM indicators")
    args: list[str] = []
    if unit:
        sql += " WHERE lower(unit_code) = lower(?)"
        args.append(unit.strip())
    found = pd.read_sql_query(sql, conn, params=args)
    found = found[found["round_id"].isin(names)]
    if found.empty:
        return pd.DataFrame()
    found = found.assign(chain=chains(found, list(names)))
    at = found["round_id"].map({r: k for k, r in enumerate(names)})
    last = found.assign(_at=at).sort_values("_at").groupby("chain").last()
    code = normal_code(indicator)
    if any(ch.isdigit() for ch in code) and code.replace(".", "").isalnum():
        wanted = set(last.index[last["code"] == code]) or set(
            found.loc[found["code"] == code, "chain"])
    else:
        words = " ".join(indicator.split()).casefold()
        wanted = set(found.loc[found["text"].str.casefold().str.contains(words, regex=False),
                               "chain"])
    found = found[found["chain"].isin(wanted)]
    if found.empty:
        return pd.DataFrame()
    shown: dict[int, str] = {}
    for k, group in found.groupby("chain"):
        now = str(last.at[k, "code"])
        before = [str(c) for c in dict.fromkeys(group["code"]) if c != now]
        shown[int(str(k))] = now + (f" ({', '.join(before)})" if before else "")
    found = found.assign(unit_code=found["chain"].map(last["unit_code"]),
                         code=found["chain"].map(shown), text=found["chain"].map(last["text"]))
    long = found.melt(id_vars=["round_id", "unit_code", "code", "text"],
                      value_vars=["result_text", "verdict", "percent_of_plan"],
                      var_name="what")
    table = long.pivot_table(index=["unit_code", "code", "text", "what"],
                             columns="round_id", values="value", aggfunc="first",
                             dropna=False)
    table = table.reindex(columns=[i for i in names if i in set(found["round_id"])])
    what = {"result_text": 0, "verdict": 1, "percent_of_plan": 2}
    table = table.sort_index(level=["unit_code", "code", "what"],
                             key=lambda s: s.map(what) if s.name == "what" else s)
    table = table.dropna(how="all")
    return table.rename(columns=names)


def export_csv(conn: sqlite3.Connection, out_dir: Path, label: dict[str, str]
               ) -> list[Path]:
    """Every table of the history as CSV (UTF-8 with a BOM, for Excel), each row with its
    round's body, year and period; and two pivots: units' scores and indicators'
    verdicts, one column per round."""
    out_dir.mkdir(parents=True, exist_ok=True)
    order = rounds(conn)
    written = []
    head = order[["id", "body", "year", "period"]].rename(columns={"id": "round_id"})
    for table in EXPORT_ORDER:
        if table == "rounds":
            frame = order
        else:
            frame = pd.read_sql_query(f"SELECT * FROM {table}", conn)
            frame = head.merge(frame, on="round_id", how="inner")
        path = out_dir / f"{table}.csv"
        frame.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\r\n")
        written.append(path)
    names = round_labels(order, label)
    units = pd.read_sql_query("SELECT round_id, code, name, score FROM units WHERE "
                              "submitted = 1", conn)
    scores = units.pivot_table(index=["code"], columns="round_id", values="score",
                               aggfunc="first")
    scores = scores.reindex(columns=[i for i in names if i in scores.columns])
    path = out_dir / "units_by_round.csv"
    scores.rename(columns=names).to_csv(path, encoding="utf-8-sig", lineterminator="\r\n")
    written.append(path)
    inds = pd.read_sql_query("SELECT round_id, unit_code, code, verdict FROM indicators",
                             conn)
    verdicts = inds.pivot_table(index=["unit_code", "code"], columns="round_id",
                                values="verdict", aggfunc="first")
    verdicts = verdicts.reindex(columns=[i for i in names if i in verdicts.columns])
    path = out_dir / "indicators_by_round.csv"
    verdicts.rename(columns=names).to_csv(path, encoding="utf-8-sig", lineterminator="\r\n")
    written.append(path)
    return written
