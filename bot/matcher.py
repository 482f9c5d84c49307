"""Answer a question from the FAQ, or say honestly that the article does not.

The answer is a pipeline of small stages, each a module of its own with its constants beside it:

1. ``bot.wrappers``: greetings, thanks, remarks and polite frames are stripped; a message that is
   only a greeting or thanks gets a friendly reply; two questions in one message are split.
2. ``bot.lexical``: BM25 relevance and coverage of every entry for the question's words.
3. ``bot.semantic``: multilingual sentence embeddings, consulted only when the lexical stage
   would not answer (off with ``semantic=False``).
4. ``bot.answerability``: the chosen entry must state the kind of fact asked for (who, when,
   why …) and know the names the question mentions.
5. ``bot.decision``: which entry the evidence supports; otherwise a verbatim quote of the one
   sentence that covers the question, "did you mean", or "the article doesn't say" (pointing
   to the related sentences, if there are any). A "why" or "how much" whose clear leader
   doesn't state it goes to the one entry on the same sentences that does (``_sibling_of``).

``Matcher`` only wires the stages; ``MatchResult.explain`` records what each one said.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import replace
from pathlib import Path

from bot import answerability, decision
from bot.decision import DEFAULT_MARGIN, DEFAULT_THRESHOLD, Choice
from bot.knowledge import Entry, Knowledge, Lang, variant_key
from bot.language import detect_language
from bot.lexical import MIN_RELEVANCE, Candidate, LexicalIndex, Query
from bot.normalize import TOPIC_MARKERS, clean_question, how_much_of, which_exactly
from bot.result import Citation, MatchResult, Suggestion
from bot.semantic import SemanticIndex
from bot.wrappers import (
    after_lead_in,
    asks_little,
    bare_lead_in,
    choice,
    first_alternative,
    points_back,
    unwrap,
)

__all__ = ["DEFAULT_MARGIN", "DEFAULT_THRESHOLD", "MAX_QUESTION_CHARS", "Matcher"]

SUGGESTION_FLOOR = 30.0  # coverage that makes an entry a suggestion …
SUGGESTION_MEANING = 0.45  # … or cosine with the question (the semantic stage's)
MAX_SUGGESTIONS = 3
# A question of a kind alone that points at the story ("How long does it run?") asks what the
# story has as a whole: answered when the first entry is this far ahead of the next in relevance.
_KINDS_OF_THE_STORY = frozenset({"howlong", "amount"})
# What the article itself is asked about, its outlet or its gist: the question needs no word of
# its own ("where's this news from?", where "news" is a stop word).
_THE_ARTICLE_ITSELF = frozenset({"?outlet", "?gist"})
KIND_ONLY_LEAD = 2.0
MAX_QUESTION_CHARS = 500
# Intents that name what is asked about rather than the question word (which a follow-up has
# its own of): "Wer hat Alibaba gegründet und in welchem Jahr?" asks a founding year. Not carried:
# who wrote the article ("Wer hat ihn geschrieben? Und woher stammt er?" asks the source), a
# total ("Umsatz insgesamt? Und wie stark ist er gewachsen?"), a name ("Wie heißt es?"), an age
# ("How old is Jeff Zhang? What's his job?").
_CARRIED_OVER = frozenset(
    "?" + k
    for k in answerability.GATED_KINDS
    - {"amount", "absolute", "date", "howlong", "since", "when", "why", "who", "where", "age"}
    - {"countries", "meaning", "name", "author", "role"}
) | {"?continent"}  # (a place too: "elsewhere", unless the follow-up is a claim)
_TOPICAL = frozenset({"why", "amount"})
CLAIM_THRESHOLD = 70.0  # coverage a claim to check ("stimmt es, dass …") needs to be answered


class Matcher:
    """The answering pipeline over one ``Knowledge``; immutable after construction.

    ``semantic``: use the embedding fallback. ``wait_for_semantic``: block until the model is
    loaded when it is first needed (the CLI); a bot passes ``False`` and answers lexically until
    the background load is done.
    """

    def __init__(
        self,
        knowledge: Knowledge,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        margin: float = DEFAULT_MARGIN,
        semantic: bool = True,
        wait_for_semantic: bool = True,
        cache_dir: Path | None = None,
    ) -> None:
        self.knowledge = knowledge
        self.threshold = threshold
        self.margin = margin
        self.lexical = LexicalIndex(knowledge, cache_dir=cache_dir)
        self.semantic = SemanticIndex(knowledge, cache_dir=cache_dir) if semantic else None
        self.wait_for_semantic = wait_for_semantic
        entries = knowledge.entries
        vocab = self.lexical.entry_vocab
        # How many entries know each token: one that most of them know (the subject, "Alibaba")
        # tells nothing apart.
        known_to = Counter(t for v in vocab for t in v)
        self._telling = frozenset(t for t, n in known_to.items() if n * 2 < len(entries))
        # The article's names, as tokens, but for those that tell nothing apart.
        name_tokens = self.lexical.words_of(knowledge.meta.names)
        self._names = frozenset(t for t in name_tokens if known_to[t] * 2 < len(entries))
        self._entry_sentences = [frozenset(e.sentences) for e in entries]
        self._positions = {e.id: i for i, e in enumerate(entries)}
        # What each entry's numbers are figures of, and everything figures are asked of.
        self._figures = self.lexical.entry_figures
        # What each entry's reasons are reasons for.
        self._explains = [frozenset(self.lexical.words_of(e.explains)) for e in entries]
        # What each entry's time is the time of.
        self._times = [frozenset(self.lexical.words_of(e.times)) for e in entries]
        # What the article never gives, and everything figures or reasons are asked of.
        meta = knowledge.meta
        self._unstated = answerability.Unstated(
            figures=self.lexical.unstated_figures,
            units=frozenset(self.lexical.words_of(meta.figure_units)),
            reasons=frozenset(self.lexical.words_of(meta.unexplained)),
            times=frozenset(self.lexical.words_of(meta.untimed)),
        )
        self._unlisted = frozenset(t for w in meta.unlisted for t in self._tokens(w))
        self._measurable = frozenset().union(*self._figures, self._unstated.figures)
        # … those a "wie viel" may name directly (not a unit figures are counted in: "Geld")
        self._figure_subjects = self._measurable.difference(self._unstated.units)
        self._explainable = frozenset().union(*self._explains, self._unstated.reasons)
        self._timeable = frozenset().union(*self._times, self._unstated.times)
        # What each entry states, as answerability weighs it.
        defines = [frozenset(self.lexical.words_of(e.defines)) for e in entries]
        self._offers = [
            answerability.Offer(
                e.kinds, vocab[i], self._figures[i], self._explains[i], defines[i], self._times[i]
            )
            for i, e in enumerate(entries)
        ]
        # What a quoted sentence states: its words, and the kinds, figures, reasons and terms
        # of the entries that cite it.
        kinds = self._by_sentence([frozenset(e.kinds) for e in entries])
        figures = self._by_sentence(self._figures)
        explains = self._by_sentence(self._explains)
        terms = self._by_sentence(defines)
        times = self._by_sentence(self._times)
        self._sentence_offers = {
            s.id: answerability.Offer(
                kinds[s.id],
                self.lexical.sentence_vocab[i],
                figures[s.id],
                explains[s.id],
                terms[s.id],
                times[s.id],
            )
            for i, s in enumerate(knowledge.sentences)
        }

    def _by_sentence(self, per_entry: Sequence[frozenset[str]]) -> dict[str, frozenset[str]]:
        """Per article sentence, the union of ``per_entry`` over the entries that cite it."""
        return {
            s.id: frozenset().union(
                *(
                    v
                    for v, cited in zip(per_entry, self._entry_sentences, strict=True)
                    if s.id in cited
                )
            )
            for s in self.knowledge.sentences
        }

    # --- the pipeline --------------------------------------------------------------------------

    def ask(self, question: str, *, default_language: Lang = "de") -> MatchResult:
        """Answer ``question`` from the FAQ, or say honestly that the article does not."""
        question = clean_question(question, MAX_QUESTION_CHARS)  # cut after stripping
        language = detect_language(question, default=default_language)
        unwrapped = unwrap(question, self.lexical.used_words)
        trace = [
            f"wrappers: {list(unwrapped.parts)}"
            + (f" ({unwrapped.social})" * bool(unwrapped.social))
        ]
        if unwrapped.social is not None:
            result = MatchResult(question=question, language=language, outcome=unwrapped.social)
            if unwrapped.social in ("greeting", "about"):
                result = self._with_suggestions(result, [])
            return replace(result, explain=tuple(trace))
        if not unwrapped.parts:
            empty = MatchResult(question=question, language=language, outcome="empty")
            return replace(self._with_suggestions(empty, []), explain=tuple(trace))
        results: list[MatchResult] = []
        follow_ups: list[str] = []
        for part, context, follow_up, remark, tail in zip(
            unwrapped.parts,
            unwrapped.contexts,
            unwrapped.follow_ups,
            unwrapped.remarks,
            unwrapped.tails,
            strict=True,
        ):
            result = self._answer_part(part, language, trace, context=context, remark=remark)
            if not result.answered and follow_up is not None:
                alone = self._answer_alone(result, follow_up, trace, follow_ups, tail=tail)
                result = alone or result
            results.append(result)
        answered: list[MatchResult] = []
        for result in results:
            # Two parts answered by the same entry get its answer once.
            if result.answered and all(not _same_answer(result, a) for a in answered):
                answered.append(result)
        first = answered[0] if answered else results[0]
        unanswered = tuple(r.question for r in results if not r.answered) if answered else ()
        unanswered += tuple(follow_ups)
        return replace(
            first,
            question=question,
            more=tuple(answered[1:]),
            unanswered=unanswered,
            explain=tuple(trace),
        )

    def _answer_part(
        self, part: str, language: Lang, trace: list[str], *, context: str, remark: str
    ) -> MatchResult:
        """One question of a message, read as what is around it allows: a short question after
        a statement leans on it ("the lads said alibaba's been making a loss – first time in how
        long?") and is read with it first; otherwise the question alone, and when that isn't
        answered, without a guess after "or", with the statement before it, past a lead-in. A
        question declined for the kind of fact it asks (the fine's reason in "oida 2,8 mrd
        strafe, wofür eigentlich??") is not read again another way."""
        leans = bool(remark) and asks_little(part)
        leaning = self._answer_with_remark(part, remark, language, trace) if leans else None
        leaning = leaning or self._answer_choice(part, language, trace)
        result = leaning or self._answer(part, language, trace, context=context)
        if result.missing:  # understood, and the article doesn't state what it asks
            return result
        if not result.answered:
            result = self._answer_first_alternative(part, language, trace, context) or result
        if not result.answered and remark and not leans:
            result = self._answer_with_remark(part, remark, language, trace) or result
        if not result.answered:
            result = self._answer_after_lead_in(part, language, trace) or result
        return result

    def _answer_first_alternative(
        self, question: str, language: Lang, trace: list[str], context: str
    ) -> MatchResult | None:
        """The answer to "A or B?" read as "A?", if that is answered: the reader's second guess
        ("…, or is it losing steam?") dilutes what is asked."""
        stem = first_alternative(question)
        if stem is None:
            return None
        how = "read without its second alternative"
        return self._reread(question, stem, how, language, trace, context=context)

    def _answer_choice(self, question: str, language: Lang, trace: list[str]) -> MatchResult | None:
        """The answer to a question that offers answers to choose from ("who put out the
        statement, alibaba or bloomberg?"), read without them, if that is answered by an entry
        that knows one of them: the offered answers are not what is asked about."""
        found = choice(question)
        if found is None:
            return None
        stem, offered = found
        answer = self._reread(question, stem, "read without the answers offered", language, trace)
        index = self._positions.get(answer.faq_id) if answer and answer.faq_id else None
        words = set(self._tokens(offered))
        if index is None or words.isdisjoint(self.lexical.entry_vocab[index]):
            return None
        return answer

    def _answer_with_remark(
        self, question: str, remark: str, language: Lang, trace: list[str]
    ) -> MatchResult | None:
        """The answer to ``question`` read with the words of the statement before it that the
        FAQ knows, if that is answered: "hab zwischen zwei Paketen gelesen, die ham ne Strafe
        gekriegt – wie hoch war die nochma" asks how high the fine was."""
        remark = self.lexical.known_words(remark)  # (the reader's day is not what is asked)
        if not remark.strip(" ,.;:!?-–"):
            return None
        together = f"{remark} – {question}"
        how = "read with the remark before it"
        return self._reread(question, together, how, language, trace, own=question)

    def _answer_after_lead_in(
        self, question: str, language: Lang, trace: list[str]
    ) -> MatchResult | None:
        """The answer to the question after a lead-in that asks nothing ("howzit brah, da kine
        alibaba ting, how much money dey putting in?"), if that is answered."""
        rest = after_lead_in(question)
        if rest is None and (bare := bare_lead_in(question)):
            # … only past chat: a word that tells entries apart may be what is asked about
            lead, rest = bare
            if not self._telling.isdisjoint(self._tokens(lead)):
                return None
        if rest is None:
            return None
        return self._reread(question, rest, "the question after its lead-in", language, trace)

    def _reread(
        self,
        question: str,
        text: str,
        how: str,
        language: Lang,
        trace: list[str],
        *,
        context: str = "",
        own: str = "",
    ) -> MatchResult | None:
        """The answer to ``question`` read as ``text`` (``how``, for the trace), if that is
        answered."""
        trace.append(f"wrappers: {how}: {text!r}")
        answer = self._answer(text, language, trace, context=context, own=own)
        return replace(answer, question=question) if answer.answered else None

    def _answer_alone(
        self,
        together: MatchResult,
        follow_up: tuple[str, str],
        trace: list[str],
        unanswered: list[str],
        *,
        tail: bool = False,
    ) -> MatchResult | None:
        """The answer to a question whose bare follow-up ("Wie hoch war die Strafe? Und
        wann?") the article doesn't answer ``together`` with it: the question alone. The
        follow-up is not answered on its own (the sentence's other entries say when something
        *else* happened). When the entry asked about lacks only the kind of fact the follow-up
        asks, the entry the follow-up would go to is offered (a reason only if it is one for what
        the question names, ``_about``); else it is said to be unanswered
        ("Gab es einen Verlust? Wie hoch?": the article never gives the loss's size). A
        question the article doesn't answer alone leaves the follow-up, read about it ("When
        was the fine? And how much?": the fine's amount). A follow-up after a comma (``tail``:
        "who left alibaba, and why?") is never answered in the question's stead."""
        question, after = follow_up
        language = together.language
        alone = self._answer(question, language, trace)
        if alone.answered and not together.missing:  # the article never gives it
            unanswered.append(after)
            return alone
        if tail and not alone.answered:
            return None
        offered = self._answer(after, language, trace, context=question)
        if not alone.answered:
            # Only the follow-up is answered, if about the question's names ("Wie viel gibt
            # Meituan aus? Und ab wann?" is not the announcement's Tuesday).
            index = self._positions.get(offered.faq_id) if offered.faq_id else None
            about = answerability.Asked((), self._names_in(self.lexical.query(question)))
            if not offered.answered or index is None or not self._check_entry(about, index).ok:
                return None
            unanswered.append(question)
            return offered
        entry = self.knowledge.entry(offered.faq_id) if offered.faq_id else None
        if not offered.answered or (entry is not None and not self._about(entry, question, after)):
            unanswered.append(after)
        elif entry is not None and entry.id != alone.faq_id:
            trace.append(f"decision: {entry.id} offered for {after!r}")
            suggestion = Suggestion(entry.id, entry.questions.get(language)[0])
            return replace(alone, suggestions=(suggestion,))
        return alone

    def _about(self, entry: Entry, question: str, after: str) -> bool:
        """Whether ``entry``, offered for the bare follow-up ``after`` of ``question``, is about
        what the question asks: a reason offered for "und warum?" must be a reason for something
        the question names (the competitors explain the slowdown, not why TikTok left)."""
        if "why" not in answerability.question_kinds(self.lexical.query(after).intents):
            return True
        index = self._positions[entry.id]
        return not set(self._offers[index].explains).isdisjoint(self._tokens(question))

    def _answer(
        self, text: str, language: Lang, trace: list[str], *, context: str = "", own: str = ""
    ) -> MatchResult:
        """The answer to one question ``text``; a short follow-up also asks the kinds of fact
        its ``context`` (the question before it) asks: "und in welchem Jahr?" after "Wer hat
        Alibaba gegründet?" asks a founding date. With ``own`` (the question inside ``text``,
        which adds a remark), the figures, reasons and times asked are only those ``own``
        names: the remark's "nine years" is no figure asked."""
        query, before, about = self._read(text, context)
        own_query = self.lexical.query(own) if own else query
        # "…that loss, and how big was it?": what a follow-up with no word of its own points at
        # may be something the article never gives a figure, reason or time of.
        pointed = before if not query.tokens else None
        candidates = self.lexical.rank(query)
        if about is not None and not query.tokens:  # "for how long?": nothing of its own
            candidates = [c for c in candidates if about & self._entry_sentences[c.entry]]
        trace.append(f"lexical [{text}] {query.intents}: " + self._describe(candidates))
        much = how_much_of(own or text)  # what "wie viel"/"how much" is asked of
        asked = answerability.Asked(
            query.intents,
            self._names_in(query),
            figures=self._figures_asked(much, own_query)
            | self._asked(pointed, self._unstated.figures),
            reasons=self._asked(own_query, self._explainable)
            | self._asked(pointed, self._unstated.reasons),
            times=self._asked(own_query, self._timeable)
            | self._asked(pointed, self._unstated.times),
            terms=query.matches if "?meaning" in query.intents else (),
            unlisted=frozenset(self._tokens(which_exactly(text))) & self._unlisted,
            uncounted=self._uncounted(much, own_query),
        )
        # What kind of fact is asked, whoever it is about: decides among the entries, and says
        # why the one the question is about doesn't answer it.
        kind_asked = replace(asked, names=())
        kinds = asked.kinds  # (the gated kinds of its question words)
        ranked = candidates
        candidates, fitting, unfit = self._by_kind(kind_asked, candidates, trace)
        base = MatchResult(question=text, language=language, outcome="unknown")
        about_the_article = not _THE_ARTICLE_ITSELF.isdisjoint(query.intents)
        if (
            not query.tokens
            and not (about is not None and candidates and kinds)
            and not (
                (
                    about_the_article
                    or (kinds and kinds <= _KINDS_OF_THE_STORY and points_back(text))
                )
                and self._clear_kind_lead(candidates)
            )
        ):
            # Nothing to go on: no word, and no follow-up's kind of fact ("wie früher?"); a
            # kind alone ("Wann?", "Next GE when ah?") is only a follow-up's question, unless
            # it points at the story, asks what the story as a whole has (a duration, a sum: not
            # the date of some event) and one entry clearly answers that kind ("How long does it
            # run?": the programme's three years), or it asks about the article itself.
            return self._with_suggestions(base, [])
        # "Stimmt es, dass …?": every word of a claim is part of it, so it needs more coverage.
        claim = "?claim" in query.intents
        threshold = max(self.threshold, CLAIM_THRESHOLD) if claim else None
        choice = self._lexical_choice(text, query, candidates, threshold)
        if (
            choice is not None
            and choice.stage != "exact"
            and len(query.tokens) == 1
            and not self._one_word_suffices(choice.entry, query.tokens[0], kinds, fitting)
        ):
            trace.append("lexical: its one word is no typo-free word of what the entry states")
            choice = None
        similarities: Sequence[float] | None = None
        if choice is None and query.tokens:
            kind_filtered = bool(fitting) and bool(kinds)
            by_topic = kind_filtered and not TOPIC_MARKERS.isdisjoint(query.intents)
            # The one entry that states the topic asked, and the most relevant of all.
            sole = by_topic and len(candidates) == 1 and ranked[0].entry == candidates[0].entry
            choice, similarities = self._semantic_choice(
                text,
                candidates,
                trace,
                threshold or self.threshold,
                kind_filtered=kind_filtered,
                topic=by_topic,
                sole=sole,
                claim=claim,
            )
        else:
            trace.append("semantic: not needed" if choice else "semantic: nothing to compare")
        if choice is None and unfit is not None and unfit.score >= (threshold or self.threshold):
            choice = self._sibling_of(unfit, fitting, kinds)
        if choice is None and similarities is not None:
            choice = self._shared_choice(
                asked, candidates, similarities, threshold or self.threshold
            )
        related: tuple[str, ...] = ()
        missing: frozenset[str] = frozenset()
        if choice is not None and choice.stage == "shared":  # its sentences are checked
            trace.append(f"decision: quote {list(choice.sentences)}, shared by the closest")
            return self._quoted(text, language, choice.sentences, choice.score)
        if choice is not None:
            entry = self.knowledge.entries[choice.entry]
            verdict = self._check_entry(asked, choice.entry)
            trace.append(f"answerability [{entry.id}]: " + (verdict.reason or "ok"))
            if verdict.ok and choice.stage == "siblings":
                trace.append(f"decision: quote {entry.sentences}, shared by the closest entries")
                return self._quoted(text, language, entry.sentences, choice.score)
            if verdict.ok:
                trace.append(f"decision: answer {entry.id} ({choice.stage}, {choice.score:.0f})")
                answer = self.answer_entry(text, entry, language, score=choice.score)
                if choice.stage == "exact":
                    return answer
                return replace(answer, understood_as=entry.questions.get(language)[0])
            related, missing = tuple(entry.sentences), verdict.missing
        blocked = related
        if unfit is not None and unfit.score >= self.threshold:
            # The entry the question is about, which doesn't state what it asks: point to it
            # (rather than to an entry of the right kind that is about something else).
            entry = self.knowledge.entries[unfit.entry]
            unfit_verdict = self._check_entry(kind_asked, unfit.entry)
            trace.append(f"answerability [{entry.id}]: {unfit_verdict.reason}")
            missing = unfit_verdict.missing
            related = tuple(entry.sentences)
            blocked = tuple(dict.fromkeys((*blocked, *related)))
        # The sentences of an entry that does not answer don't answer either.
        quote = self._quote(text, language, query, asked, trace, blocked=blocked)
        if isinstance(quote, MatchResult):
            return quote
        related = related or quote
        best = candidates[0] if candidates else None
        # "Did you mean" only when some entry states the kind of thing asked.
        unsure = bool(fitting) and not related and choice is None
        unsure = unsure and best is not None and best.score >= self.threshold
        if not unsure and not related:
            # Both stages point to the same entry, which doesn't answer: its sentences are where
            # the article comes closest ("Did Alibaba appeal the fine?" – the fine, S5).
            topic = decision.agreed_topic(candidates, similarities)
            if topic is not None:
                related = tuple(self.knowledge.entries[topic].sentences)
        result = replace(
            base,
            outcome="unsure" if unsure else "unknown",
            score=best.score if best else 0.0,
            related=tuple(self._citation(sid) for sid in related),
            missing=next(iter(missing)) if len(missing) == 1 and related else "",
        )
        trace.append(f"decision: {result.outcome}" + (f", related {list(related)}" * bool(related)))
        return self._with_suggestions(result, candidates, similarities)

    def _one_word_suffices(
        self, entry: int, token: str, kinds: frozenset[str], fitting: Sequence[Candidate]
    ) -> bool:
        """One word is thin evidence: it must be what the entry states, not a typo guess; or,
        when the question asks a kind of fact the entry states ("Wie lang dauert des
        Gaunze?"), a word it is asked with."""
        if self.lexical.states(entry, token):
            return True
        return bool(kinds) and bool(fitting) and self.lexical.knows(entry, token)

    def _read(self, text: str, context: str) -> tuple[Query, Query | None, frozenset[str] | None]:
        """The query for ``text`` and, for a follow-up, the query of the question before it
        (``context``) and the sentences that question is about. What it is about carries over
        ("gegründet"), its question word ("how much") does not; a follow-up with a word of its
        own ("what link?") is read together with the words of the question before it."""
        query = self.lexical.query(text)
        if not context:
            return query, None, None
        before = self.lexical.query(context)
        own = query.intents
        if query.tokens:
            query = self.lexical.query(f"{text} {context}")
        query.intents = own + [i for i in before.intents if i in _CARRIED_OVER and i not in own]
        ranked = self.lexical.rank(before)
        return query, before, self._entry_sentences[ranked[0].entry] if ranked else frozenset()

    def _by_kind(
        self, asked: answerability.Asked, candidates: list[Candidate], trace: list[str]
    ) -> tuple[list[Candidate], list[Candidate], Candidate | None]:
        """ "How much …" is decided among the entries that state an amount, if there are any.

        Returns the candidates to decide among, those that state the kind asked (``fitting``),
        and the clear leader that doesn't (``unfit``: the decline points to its sentences). A
        pointer goes only to a clear leader, or to one of two entries on the same sentences.
        """
        fitting = [c for c in candidates if self._check_entry(asked, c.entry).ok]
        unfit = candidates[0] if candidates and candidates[0] not in fitting else None
        if unfit is not None and len(candidates) > 1:
            runner_up = candidates[1]
            lead = unfit.relevance - runner_up.relevance >= self.margin * unfit.relevance
            shared = self._entry_sentences[unfit.entry] & self._entry_sentences[runner_up.entry]
            unfit = unfit if lead or shared else None
        if fitting and len(fitting) < len(candidates):
            candidates = fitting
            trace.append("answerability: only entries that state the kind asked for: ")
            trace[-1] += self._describe(candidates)
        return candidates, fitting, unfit

    def _sibling_of(
        self, unfit: Candidate, fitting: Sequence[Candidate], kinds: frozenset[str]
    ) -> Choice | None:
        """The one entry on the same sentences as ``unfit`` that states what is asked."""
        if not kinds or not kinds <= _TOPICAL:
            return None
        about = self._entry_sentences[unfit.entry]
        shared = [c for c in fitting if self._entry_sentences[c.entry] == about]
        if len(shared) != 1:
            return None
        return Choice(shared[0].entry, unfit.score, "sibling")

    def _lexical_choice(
        self, text: str, query: Query, candidates: Sequence[Candidate], threshold: float | None
    ) -> Choice | None:
        exact = self.lexical.exact(text)
        closest: int | None = None
        same = False
        # (a near-tie none of whose entries covers enough of the question or is relevant enough
        # is no answer whichever wins it: its wording needs no comparing)
        tied = decision.near_tie(candidates, self.margin) if exact is None else []
        if any(
            c.score >= (threshold or self.threshold) and c.relevance >= MIN_RELEVANCE for c in tied
        ):
            contenders = [c.entry for c in tied]
            if len(contenders) > 1:
                closest = self.lexical.closest_wording(variant_key(text), contenders)
                if closest is None:  # the one contender that states what kind of thing is asked
                    fitting = [
                        e
                        for e in contenders
                        if answerability.fits_all(query.intents, self.knowledge.entries[e].kinds)
                    ]
                    closest = fitting[0] if len(fitting) == 1 else None
                same = len({self._entry_sentences[e] for e in contenders}) == 1
        return decision.lexical_choice(
            candidates,
            exact=exact,
            closest=closest,
            same_sentences=same,
            threshold=threshold or self.threshold,
            margin=self.margin,
            claim="?claim" in query.intents,
        )

    def _semantic_choice(
        self,
        text: str,
        candidates: Sequence[Candidate],
        trace: list[str],
        threshold: float,
        *,
        kind_filtered: bool,
        topic: bool,
        sole: bool,
        claim: bool,
    ) -> tuple[Choice | None, Sequence[float] | None]:
        """The semantic stage's choice, and the question's similarity to each entry."""
        if self.semantic is None:
            trace.append("semantic: off")
            return None, None
        similarities = self.semantic.similarities(text, wait=self.wait_for_semantic)
        if similarities is None:
            trace.append("semantic: model still loading")
            return None, None
        top = sorted(range(len(similarities)), key=lambda e: -similarities[e])[:3]
        ids = self.knowledge.entries
        trace.append("semantic: " + ", ".join(f"{ids[e].id} {similarities[e]:.2f}" for e in top))
        choice = decision.semantic_choice(
            candidates,
            similarities,
            margin=self.margin,
            threshold=threshold,
            kind_filtered=kind_filtered,
            topic=topic,
            sole=sole,
            claim=claim,
        )
        return choice, similarities

    def _quote(
        self,
        text: str,
        language: Lang,
        query: Query,
        asked: answerability.Asked,
        trace: list[str],
        *,
        blocked: Sequence[str] = (),
    ) -> MatchResult | tuple[str, ...]:
        """A verbatim quote of the one sentence that answers (not one of ``blocked``), else the
        related sentence ids."""
        found = self.lexical.quote(query)
        if found is None:
            return ()
        sentence_id, coverage = found
        if sentence_id in blocked:
            return ()
        verdict = self._check_sentence(asked, sentence_id)
        trace.append(f"quote [{sentence_id}]: " + (verdict.reason or "ok"))
        if not verdict.ok:
            return (sentence_id,)
        return self._quoted(text, language, [sentence_id], round(100 * coverage, 1))

    def _shared_choice(
        self,
        asked: answerability.Asked,
        candidates: Sequence[Candidate],
        similarities: Sequence[float],
        threshold: float,
    ) -> Choice | None:
        """Entries in a near-tie that cite a sentence in common, one of them also the closest in
        meaning: the common sentence is the answer ("was ist mit TikTok passiert?"), if it
        states what is asked (as a quote is checked)."""
        tied = decision.tied_with_closest(
            candidates, similarities, margin=self.margin, threshold=threshold
        )
        if not tied:
            return None
        shared = frozenset.intersection(*(self._entry_sentences[c.entry] for c in tied))
        sentences = tuple(
            s.id
            for s in self.knowledge.sentences
            if s.id in shared and self._check_sentence(asked, s.id).ok
        )
        return Choice(tied[0].entry, tied[0].score, "shared", sentences) if sentences else None

    def _quoted(
        self, text: str, language: Lang, sentence_ids: Sequence[str], score: float
    ) -> MatchResult:
        """Article sentences quoted verbatim as the reply (no FAQ entry answers on its own)."""
        return MatchResult(
            question=text,
            language=language,
            outcome="quote",
            score=score,
            citations=tuple(self._citation(sid) for sid in sentence_ids),
        )

    @staticmethod
    def _clear_kind_lead(candidates: Sequence[Candidate]) -> bool:
        """Whether the first entry is far more often asked the question's kind than the rest."""
        if not candidates:
            return False
        runner_up = candidates[1].relevance if len(candidates) > 1 else 0.0
        return candidates[0].relevance >= KIND_ONLY_LEAD * runner_up

    def _tokens(self, text: str) -> list[str]:
        """The canonical tokens of ``text`` as written (no compound's parts, no intents)."""
        return self.lexical.normalizer.tokens(text, intents=False)

    @staticmethod
    def _asked(query: Query | None, things: Collection[str]) -> frozenset[str]:
        """Which of ``things`` (what figures or reasons are asked for) the question names."""
        if query is None:
            return frozenset()
        return frozenset(t for matches in query.matches for t in matches) & frozenset(things)

    def _figures_asked(self, much: str, query: Query) -> frozenset[str]:
        """What a question asks figures of: what "wie viel"/"how much" is asked of (``much``,
        from ``how_much_of``), if figures are asked of that and it is no unit ("wie viel
        Verlust?", not the "neun Jahre" of a quote before it; "how much money for …": the rest
        says), else every such thing it names (``query``)."""
        named = frozenset(self._tokens(much)) & self._figure_subjects
        return named or self._asked(query, self._measurable)

    def _uncounted(self, much: str, query: Query) -> str:
        """What "how many"/"wie viele" asks the number of (the first word of ``much``), if
        neither the FAQ nor the article knows the word ("How many women are in the talent
        pool?"), else ""."""
        counted = much.split()[:1]
        tokens = self._tokens(counted[0]) if counted else []
        if not tokens or tokens[0][0].isdigit() or tokens[0] not in query.tokens:
            return ""
        return "" if query.matches[query.tokens.index(tokens[0])] else tokens[0]

    def _check_entry(self, asked: answerability.Asked, entry: int) -> answerability.Verdict:
        """Whether ``entry`` answers what is ``asked``."""
        return answerability.check(asked, self._offers[entry], self._unstated)

    def _check_sentence(
        self, asked: answerability.Asked, sentence_id: str
    ) -> answerability.Verdict:
        """Whether the article sentence ``sentence_id``, quoted, answers what is ``asked``."""
        return answerability.check(asked, self._sentence_offers[sentence_id], self._unstated)

    def _names_in(self, query: Query) -> list[str]:
        """The article's names the question mentions (typos resolved)."""
        names = []
        for token, matches in zip(query.tokens, query.matches, strict=True):
            if token in self._names:
                names.append(token)
            elif len(matches) == 1 and next(iter(matches)) in self._names:
                names.append(next(iter(matches)))
        return names

    def _describe(self, candidates: Sequence[Candidate]) -> str:
        ids = self.knowledge.entries
        top = [
            f"{ids[c.entry].id} (relevance {c.relevance:.2f}, coverage {c.score:.0f})"
            for c in candidates[:3]
        ]
        return ", ".join(top) or "no entry"

    # --- answers and suggestions -----------------------------------------------------------

    def answer_entry(
        self, question: str, entry: Entry, language: Lang, *, score: float = 100.0
    ) -> MatchResult:
        """The reply for a known entry (also used when a "did you mean" button is tapped)."""
        quoted = self._quoted(question, language, entry.sentences, score)
        return replace(quoted, outcome="answer", faq_id=entry.id, answer=entry.answer.get(language))

    def _citation(self, sentence_id: str) -> Citation:
        sentence = self.knowledge.sentence(sentence_id)
        return Citation(id=sentence.id, text=sentence.de, translation=sentence.en)

    def _with_suggestions(
        self,
        result: MatchResult,
        candidates: Sequence[Candidate],
        similarities: Sequence[float] | None = None,
    ) -> MatchResult:
        """``result`` with up to three "did you mean" questions: the entries whose words cover
        the question best, then those closest in meaning, else the first entries of the FAQ as
        examples of what can be asked."""
        picked = [c.entry for c in candidates if c.score >= SUGGESTION_FLOOR][:MAX_SUGGESTIONS]
        if similarities is not None:
            by_meaning = sorted(range(len(similarities)), key=lambda e: -similarities[e])
            picked += [e for e in by_meaning if similarities[e] >= SUGGESTION_MEANING]
        for index in range(len(self.knowledge.entries)):
            picked.append(index)
        entries = [self.knowledge.entries[i] for i in dict.fromkeys(picked)][:MAX_SUGGESTIONS]
        suggestions = tuple(
            Suggestion(faq_id=e.id, question=e.questions.get(result.language)[0]) for e in entries
        )
        return replace(result, suggestions=suggestions)

    def suggest(self, language: Lang) -> tuple[Suggestion, ...]:
        """Example questions for greetings and empty queries."""
        empty = MatchResult(question="", language=language, outcome="empty")
        return self._with_suggestions(empty, []).suggestions


def _same_answer(a: MatchResult, b: MatchResult) -> bool:
    """Whether two results give the same answer: the same entry, or the same quoted sentences."""
    return a.faq_id == b.faq_id and [c.id for c in a.citations] == [c.id for c in b.citations]
