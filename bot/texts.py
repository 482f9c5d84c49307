"""Every text a user sees, in German and English. Handlers and renderers only look them up."""

from __future__ import annotations

from typing import Final

from bot.knowledge import Lang

TEXTS: Final[dict[str, dict[Lang, str]]] = {
    "source_line": {"de": "Quelle: {source}", "en": "Source: {source}"},
    "quote_intro": {
        "de": "Dazu habe ich keinen FAQ-Eintrag, aber dieser Satz aus dem Artikel passt:",
        "en": "I have no FAQ entry for that, but this sentence of the article fits:",
    },
    "unknown": {
        "de": "Dazu steht im Artikel leider nichts.",
        "en": "Sorry, the article doesn't say anything about that.",
    },
    "part_unknown": {
        "de": "Zu „{question}“ steht im Artikel leider nichts.",
        "en": 'The article doesn\'t say anything about "{question}".',
    },
    "understood_as": {"de": "Verstanden als: „{question}“", "en": 'Understood as: "{question}"'},
    "related_intro": {
        "de": "Im Artikel geht es an dieser Stelle darum, aber ohne diese Angabe:",
        "en": "The article touches on this here, but doesn't give that detail:",
    },
    # … where the kind of fact asked is one the article doesn't give (``MatchResult.missing``)
    "related_intro_author": {
        "de": "Einen Autor nennt der Artikel nicht, nur seine Quelle:",
        "en": "The article names no author, only its source:",
    },
    "related_intro_countries": {
        "de": "Einzelne Länder zählt der Artikel nicht auf, er nennt die Region:",
        "en": "The article doesn't list single countries; it names the region:",
    },
    "related_intro_conversion": {
        "de": "Umgerechnet nennt der Artikel nichts, nur den Betrag in dieser Währung:",
        "en": "The article converts nothing; it gives the amount in this currency only:",
    },
    "related_intro_when": {
        "de": "Wann genau, sagt der Artikel nicht. Hier geht es darum:",
        "en": "The article doesn't say when exactly. This is where it comes up:",
    },
    "related_intro_howlong": {
        "de": "Wie lange, sagt der Artikel nicht. Hier geht es darum:",
        "en": "The article doesn't say how long. This is where it comes up:",
    },
    "related_intro_why": {
        "de": "Warum, sagt der Artikel nicht. Hier geht es darum:",
        "en": "The article doesn't say why. This is where it comes up:",
    },
    "greeting": {
        "de": "Hallo! 👋 Frag mich gern etwas zum Artikel über Alibabas Project AsiaForward.",
        "en": "Hi! 👋 Ask me anything about the article on Alibaba's Project AsiaForward.",
    },
    "thanks": {
        "de": "Gern geschehen! Wenn du noch etwas zum Artikel wissen willst, frag einfach.",
        "en": "You're welcome! If there's anything else about the article, just ask.",
    },
    "farewell": {
        "de": "Tschüss! 👋 Wenn du noch etwas zum Artikel wissen willst, frag einfach wieder.",
        "en": "Bye! 👋 If anything else about the article comes up, just ask.",
    },
    "ack": {
        "de": "👍 Frag einfach, wenn du noch etwas zum Artikel wissen willst.",
        "en": "👍 Just ask if there's anything else about the article.",
    },
    "about": {
        "de": (
            "Ich bin ein Bot für einen einzigen Artikel: Bloomberg über Alibaba Clouds Project "
            "AsiaForward. Frag mich etwas dazu, auf Deutsch oder Englisch: Ich antworte kurz und "
            "zitiere die Sätze, auf die sich die Antwort stützt. Steht etwas nicht im Artikel, "
            "sage ich das."
        ),
        "en": (
            "I'm a bot for one article only: Bloomberg on Alibaba Cloud's Project AsiaForward. "
            "Ask me anything about it, in English or German: I answer briefly and quote the "
            "sentences the answer rests on. If the article doesn't say, I tell you."
        ),
    },
    "unsure": {
        "de": "Da bin ich mir nicht sicher, was du meinst.",
        "en": "I'm not sure what you mean.",
    },
    "empty": {
        "de": "Stell mir eine Frage zum Artikel über Alibabas Project AsiaForward.",
        "en": "Ask me a question about the article on Alibaba's Project AsiaForward.",
    },
    "did_you_mean": {"de": "Meintest du:", "en": "Did you mean:"},
    "try_asking": {"de": "Du kannst zum Beispiel fragen:", "en": "You could ask, for example:"},
    "also_asked": {"de": "Dazu passt vielleicht auch:", "en": "This may fit too:"},
    "translation": {"de": "Übersetzung", "en": "Translation"},
    "chat_intro": {
        "de": (
            "Frag mich etwas zum Artikel „{title}“ ({source}). Leere Zeile oder Strg-D beendet."
        ),
        "en": 'Ask me about the article "{title}" ({source}). Empty line or Ctrl-D quits.',
    },
    "no_token_hint": {
        "de": (
            "Kein TELEGRAM_BOT_TOKEN gesetzt: Chat im Terminal. Für Telegram den Token in .env "
            "eintragen und `python -m bot run` starten."
        ),
        "en": (
            "No TELEGRAM_BOT_TOKEN set: chatting in the terminal. To go live on Telegram, put "
            "the token into .env and start `python -m bot run`."
        ),
    },
    # --- Telegram ------------------------------------------------------------------------------
    "start": {
        "de": (
            "Hallo! Ich beantworte Fragen zum Artikel „{title}“ ({source}) und zitiere dazu die "
            "Sätze, auf die sich jede Antwort stützt. Probier eine dieser Fragen:"
        ),
        "en": (
            'Hi! I answer questions about the article "{title}" ({source}) and quote the '
            "sentences each answer rests on. Try one of these:"
        ),
    },
    "help": {
        "de": (
            "Ich kenne nur einen Artikel: „{title}“ ({source}).\n\n"
            "• Im privaten Chat: schreib einfach deine Frage, auf Deutsch oder Englisch.\n"
            "• In Gruppen: /frage &lt;Frage&gt; oder /ask &lt;Frage&gt;, erwähne mich "
            "(@{username}) oder antworte auf eine meiner Nachrichten.\n"
            "• Überall: @{username} &lt;Frage&gt; als Inline-Anfrage.\n\n"
            "/faq zeigt alle Fragen, /source den Artikel. Wenn der Artikel etwas nicht "
            "beantwortet, sage ich das."
        ),
        "en": (
            'I know one article only: "{title}" ({source}).\n\n'
            "• In a private chat: just type your question, in English or German.\n"
            "• In groups: /ask &lt;question&gt; or /frage &lt;question&gt;, mention me "
            "(@{username}) or reply to one of my messages.\n"
            "• Anywhere: @{username} &lt;question&gt; as an inline query.\n\n"
            "/faq lists every question, /source shows the article. When the article doesn't "
            "answer something, I say so."
        ),
    },
    "source": {
        "de": (
            "<b>{title}</b>\nQuelle: {source}\n\nDer Artikel hat {count} Sätze (S1–S{count}). "
            "Jede Antwort zitiert die Sätze, auf die sie sich stützt, wörtlich mit ihrer "
            "Nummer, z. B. [S2]."
        ),
        "en": (
            "<b>{title}</b>\nSource: {source}\n\nThe article has {count} sentences "
            "(S1–S{count}). Every answer quotes the sentences it rests on verbatim with their "
            "number, e.g. [S2]."
        ),
    },
    "faq_header": {
        "de": "Alle Fragen ({page}/{pages}) – tippe eine an:",
        "en": "All questions ({page}/{pages}) – tap one:",
    },
    "not_text": {
        "de": "Ich verstehe nur Fragen als Text – schreib mir einfach, was du wissen willst.",
        "en": "I only understand questions as text – just type what you'd like to know.",
    },
    "ask_usage": {
        "de": "So geht's: /frage Wie viel investiert Alibaba?",
        "en": "Usage: /ask How much is Alibaba investing?",
    },
    "not_admin": {
        "de": "Das dürfen nur Admins dieses Bots.",
        "en": "Sorry, only the bot's admins can do that.",
    },
    "reload_ok": {
        "de": (
            "FAQ neu geladen: {entries} Einträge, {variants} Fragevarianten, {sentences} Sätze "
            "in {ms:.0f} ms."
        ),
        "en": (
            "FAQ reloaded: {entries} entries, {variants} question variants, {sentences} "
            "sentences in {ms:.0f} ms."
        ),
    },
    "reload_failed": {
        "de": "Neu laden fehlgeschlagen, das bisherige FAQ bleibt aktiv:\n{errors}",
        "en": "Reload failed, the previous FAQ stays live:\n{errors}",
    },
    "more_problems": {
        "de": "… und {count} weitere Probleme (alle zeigt `python -m bot check`).",
        "en": "… and {count} more problems (`python -m bot check` shows them all).",
    },
    "upload_ok": {
        "de": "Neues FAQ ist aktiv (Sicherung: {backup}). {counts}",
        "en": "The new FAQ is live (backup: {backup}). {counts}",
    },
    "upload_bad_name": {
        "de": "Schick mir eine YAML-Datei namens faq.yaml.",
        "en": "Please send a YAML file named faq.yaml.",
    },
    "upload_failed": {
        "de": "Die Datei ist ungültig, nichts wurde geändert:\n{errors}",
        "en": "That file is invalid, nothing was changed:\n{errors}",
    },
    "stats": {
        "de": "Seit dem Start: {answered} beantwortet, {declined} nicht beantwortet.\n{rows}",
        "en": "Since start: {answered} answered, {declined} declined.\n{rows}",
    },
    "stats_log_off": {
        "de": "Das Fragenprotokoll ist ausgeschaltet (QUESTION_LOG=off).",
        "en": "The question log is off (QUESTION_LOG=off).",
    },
    # --- question log: /stats, /unanswered, votes, report (plain text, escaped when sent) ----
    "stats_summary": {
        "de": (
            "Letzte {days} Tage: {total} Fragen, {answered} beantwortet ({rate}), "
            "{askers} verschiedene Fragende."
        ),
        "en": (
            "Last {days} days: {total} questions, {answered} answered ({rate}), "
            "{askers} distinct askers."
        ),
    },
    "stats_per_day": {
        "de": "Pro Tag (beantwortet/nicht):",
        "en": "Per day (answered/not):",
    },
    "stats_top": {"de": "Häufigste Einträge:", "en": "Top entries:"},
    "stats_votes": {"de": "👍/👎 je Eintrag:", "en": "👍/👎 per entry:"},
    "days_usage": {
        "de": "So geht's: {command} [Tage], z. B. {command} 30 (1 bis {max}).",
        "en": "Usage: {command} [days], e.g. {command} 30 (1 to {max}).",
    },
    "unanswered_header": {
        "de": "Unbeantwortet in den letzten {days} Tagen: {questions} Fragen in {clusters} Gruppen",
        "en": "Unanswered in the last {days} days: {questions} questions in {clusters} groups",
    },
    "unanswered_none": {
        "de": "Keine unbeantworteten Fragen in den letzten {days} Tagen.",
        "en": "No unanswered questions in the last {days} days.",
    },
    "unanswered_page": {"de": "Seite {page}/{pages}", "en": "Page {page}/{pages}"},
    "vote_up": {"de": "Danke für dein 👍!", "en": "Thanks for your 👍!"},
    "vote_down": {
        "de": "Danke, notiert: 👎. Das hilft, das FAQ zu verbessern.",
        "en": "Thanks, noted: 👎. It helps to improve the FAQ.",
    },
    "vote_stale": {
        "de": "Diese Antwort ist zu alt für eine Bewertung.",
        "en": "This answer is too old to be rated.",
    },
    "chart_title": {
        "de": "Fragen pro Tag (letzte {days} Tage)",
        "en": "Questions per day (last {days} days)",
    },
    "chart_questions": {"de": "Fragen", "en": "questions"},
    "chart_answered": {"de": "beantwortet", "en": "answered"},
    "chart_unanswered": {"de": "nicht beantwortet", "en": "not answered"},
    "error": {
        "de": "Da ist etwas schiefgelaufen. Bitte versuch es gleich noch einmal.",
        "en": "Something went wrong. Please try again in a moment.",
    },
    "inline_nothing": {
        "de": "Dazu steht im Artikel nichts",
        "en": "The article doesn't say",
    },
    "flood": {
        "de": (
            "Du fragst gerade schneller, als ich antworten darf. Gönn mir eine Minute, dann "
            "bin ich wieder für dich da."
        ),
        "en": (
            "You're asking faster than I'm allowed to answer. Give me a minute and I'll be "
            "back for you."
        ),
    },
    "queue_full": {
        "de": (
            "Hier kommen gerade mehr Fragen, als ich beantworten darf: einige habe ich "
            "ausgelassen. Fragt sie in ein paar Minuten gern noch einmal."
        ),
        "en": (
            "More questions are arriving here than I'm allowed to answer, so I skipped some. "
            "Please ask them again in a few minutes."
        ),
    },
}


def t(key: str, lang: Lang, /, **values: object) -> str:
    """The text ``key`` in ``lang``, with ``values`` filled in."""
    text = TEXTS[key][lang]
    return text.format(**values) if values else text
