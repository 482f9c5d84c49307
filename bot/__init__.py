"""Answer questions about one news article, citing its sentences verbatim.

The package is split into a pure core that knows nothing of Telegram or the environment
(``knowledge``, ``sentences``, ``normalize``, ``language``, ``vocabulary``, ``matcher``,
``result``, ``render``, ``texts``, ``evaluate``, ``baselines``, ``bench``), its safe plumbing
(``safe_yaml``, ``telegram_html``, ``worker``, ``bundled``, ``lint``), a Telegram adapter
(``bot.telegram``), settings (``settings``) and a CLI (``cli``).
"""

__version__ = "0.1.0"
