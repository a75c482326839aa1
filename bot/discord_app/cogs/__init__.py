"""Cogs: Discord glue only. Each reads ``self.bot.engine`` / ``self.bot.store`` at call time."""
