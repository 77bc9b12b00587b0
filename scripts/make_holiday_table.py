"""Writes src/storyline/resolve/dating/data/calendar_holidays.toml: the first day of holidays
of the Hebrew and Chinese calendars, year by year, for dating articles that mention them.

Not run by storyline or its tests; the table is committed. It needs two libraries that are not
dependencies of storyline (install them somewhere else, e.g. `pip install --target /tmp/cal
convertdate==2.5.1 lunardate==0.3.0` and run with PYTHONPATH=/tmp/cal):

    python scripts/make_holiday_table.py > src/storyline/resolve/dating/data/calendar_holidays.toml
"""

from __future__ import annotations

import datetime as dt

from convertdate import holidays  # type: ignore[import-not-found]
from lunardate import LunarDate  # type: ignore[import-not-found]

FIRST_YEAR, LAST_YEAR = 2000, 2040

# key: (names as written in news, lowercase; days it is kept; how to find its first day)
HOLIDAYS = {
    "hanukkah": (["hanukkah", "chanukah", "hanukah", "chanukkah"], 8, holidays.hanukkah),
    "passover": (["passover", "pesach"], 8, holidays.passover),
    "rosh_hashanah": (
        ["rosh hashanah", "rosh hashana", "the jewish new year"],
        2,
        holidays.rosh_hashanah,
    ),
    "yom_kippur": (["yom kippur", "the day of atonement"], 1, holidays.yom_kippur),
    "purim": (["purim"], 1, holidays.purim),
    "sukkot": (["sukkot", "succot", "the feast of tabernacles"], 7, holidays.sukkot),
    "lunar_new_year": (
        ["lunar new year", "chinese new year", "the spring festival"],
        7,
        lambda y: LunarDate(y, 1, 1).to_solar_date().timetuple()[:3],
    ),
}


def main() -> None:
    print("# Holidays of the Hebrew and Chinese calendars: the first day of each, by Gregorian")
    print("# year (a Hebrew holiday begins at sundown the evening before). Written by")
    print("# scripts/make_holiday_table.py from convertdate 2.5.1 (convertdate.holidays) and")
    print("# lunardate 0.3.0. Computed calendars, no moon sighting: the one day of tolerance is")
    print('# for the eve ("Hanukkah begins on Sunday" at sundown, its first day is Monday).')
    print("tolerance_days = 1")
    for key, (names, length, first_day) in HOLIDAYS.items():
        print(f"\n[{key}]")
        print("names = [" + ", ".join(f'"{n}"' for n in names) + "]")
        print(f"length_days = {length}")
        days = [dt.date(*first_day(y)) for y in range(FIRST_YEAR, LAST_YEAR + 1)]
        print("days = [")
        for i in range(0, len(days), 6):
            print("  " + ", ".join(d.isoformat() for d in days[i : i + 6]) + ",")
        print("]")


if __name__ == "__main__":
    main()
