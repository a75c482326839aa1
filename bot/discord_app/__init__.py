"""The Discord front end: glue between Discord and :mod:`bot.engine` (no answer logic here).

Importing this package is cheap and imports nothing from discord.py; the modules that need it
(client, cogs, views, formatting, runner) import it themselves.
"""
