"""Presentation: computed results to tables and panels (:mod:`.tables`, Rich), JSON, CSV
and Markdown (:mod:`.formats`), and iCalendar (:mod:`.ics`).

Nothing here computes a date or reads a file. The package imports nothing by itself, so a
command loads only the renderers its output format needs.
"""
