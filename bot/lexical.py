"""Stage 2, lexical ranking: which entries does the question's wording point to?

Everything but the question's side is computed once, when the index is built:

* The FAQ and the question are reduced to canonical tokens (``bot.normalize``); each question
  token is resolved to the FAQ tokens it may mean (``bot.vocabulary``: compounds, stems, typos).
* **Relevance** ranks the entries: BM25 of the question against each entry's variants taken
  together (plus the numbers of its answer), scaled to 0–1.
* **Coverage** says whether the entry accounts for the whole question: the IDF-weighted share of
  the question's tokens the entry knows (variants, answer, cited sentences, German and English).
  A word the FAQ never uses ("Mitarbeiter", "Wetter") weighs as much as a rare FAQ word; a word
  only the entry's questions use, not what it states, counts ``VARIANT_WEIGHT``: the more ways
  an entry is asked, the more stray words it would otherwise "know" ("people", "time").
* A near-tie can be broken by wording (``rapidfuzz``): the entry one of whose questions reads
  almost like this one.
* ``quote`` finds the one article sentence that covers the question on its own, if any.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path

from rapidfuzz import fuzz, process

from bot.knowledge import Knowledge, variant_key
from bot.normalize import (
    OTHER_COMPANIES,
    SILENT_MARKERS,
    Normalizer,
    agent_phrases,
    fold,
    has_number,
    is_currency,
)
from bot.token_cache import TokenCache
from bot.vocabulary import Vocabulary

MIN_RELEVANCE = 0.1
WORDING_MIN = 85.0  # a near-tie goes to the entry with a question this close in wording …
WORDING_LEAD = 8.0  # … and this much closer than the other contenders' questions
QUOTE_COVERAGE = 0.86
BM25_K1 = 1.2
BM25_B = 0.75
UNKNOWN_WEIGHT = 2.5  # a word the FAQ never uses: about as telling as a rare FAQ word
FIRM_TYPO = 6  # a one-word question may be a typo of an FAQ word only from this length on
VARIANT_WEIGHT = 0.8  # coverage by a word only the entry's questions use, not its answer/sentences


# The word offered after "or" in a choice: "Bloomberg or Reuters?", "von China oder der EU?"
_ALTERNATIVE = re.compile(
    r"([\w-]+)\s+(?:or|oder)\s+(?:(?:the|die|der|das|den|dem|a|an|ein|eine|einer)\s+)?([\w-]+)"
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entry with its evidence: ``score`` is ``coverage`` on a 0–100 scale."""

    entry: int
    score: float
    coverage: float
    relevance: float


@dataclass(slots=True)
class Query:
    intents: list[str]
    tokens: list[str]
    weights: list[float]
    matches: list[frozenset[str]] = field(default_factory=list)

    @property
    def total(self) -> float:
        return sum(self.weights)


# Words for the article itself, or the form of its gist: no word of a question about its gist.
_THE_STORY = frozenset(
    "article piece bericht text artikel beitrag schlagzeile uberschrift line satz sentence".split()
)


def _as_destination(company: str, folded: str) -> bool:
    """Whether ``company`` is named as where something went: "zu Google Cloud", "to the …"."""
    before = r"\b(?:to|zu|zur|zum|nach|onto|into|auf) (?:the |die |der |den )?"
    return re.search(rf"{before}{re.escape(company)}\b", folded) is not None


class LexicalIndex:
    """BM25 relevance, coverage and wording over one ``Knowledge``; immutable once built."""

    def __init__(self, knowledge: Knowledge, *, cache_dir: Path | None = None) -> None:
        """``cache_dir``: where the FAQ texts' tokens are kept for the next build
        (``bot.token_cache``); ``None`` reads every text afresh."""
        self.knowledge = knowledge
        self.normalizer = Normalizer(knowledge.synonyms)
        entries = knowledge.entries

        # Every word the FAQ and the article use, before synonyms: "tik tok" joins to "tiktok"
        # on both sides alike.
        all_texts = [s.de + " " + (s.en or "") for s in knowledge.sentences]
        for entry in entries:
            all_texts += [q for _, q in entry.variants()] + [entry.answer.de, entry.answer.en]
        self._known_words = frozenset(w for t in all_texts for w in self.normalizer.words(t))
        self._used_words = self._known_words | self.normalizer.synonym_words
        self._cache: TokenCache | None = TokenCache.in_dir(
            cache_dir, knowledge.synonyms, self._known_words
        )

        # Every text is read once: questions with their intent markers make each entry's BM25
        # document; all texts as plain words with compound parts make what it "knows".
        documents: list[Counter[str]] = []
        entry_words: list[list[list[str]]] = []
        for entry in entries:
            answer = self.words(entry.answer.de + " " + entry.answer.en)
            questions = [q for _lang, q in entry.variants()]
            document = Counter(
                t for q in questions for t in self._tokens(q) if t not in SILENT_MARKERS
            )
            # The answer's numbers ("100.000", "37 %") say which fact an entry is about.
            document.update({t for t in answer if t[0].isdigit()})
            documents.append(document)
            entry_words.append([answer, *(self.words(q) for q in questions)])
        sentence_words = {s.id: self.words(s.de + " " + (s.en or "")) for s in knowledge.sentences}

        # What each entry "knows": its variants, answers and cited sentences in both languages.
        self.entry_vocab: list[frozenset[str]] = [
            frozenset(t for text in words for t in text).union(
                *(sentence_words[sid] for sid in entry.sentences)
            )
            for entry, words in zip(entries, entry_words, strict=True)
        ]
        # What each entry states: its answers and cited sentences, without the ways it is asked.
        self.entry_stated: list[frozenset[str]] = [
            frozenset(words[0]).union(*(sentence_words[sid] for sid in entry.sentences))
            for entry, words in zip(entries, entry_words, strict=True)
        ]
        self._postings = self._invert(self.entry_vocab)
        self._stated_postings = self._invert(self.entry_stated)
        self._phrases = self._word_pairs(
            [text for words in entry_words for text in words] + list(sentence_words.values())
        )
        self._idf, self._bm25 = self._weights(documents, self._postings.keys())

        # A question asked exactly as one of the FAQ's (case, umlauts, punctuation aside);
        # the loader guarantees that a variant belongs to one entry only.
        self._variant_keys: list[list[str]] = [
            [variant_key(question) for _lang, question in entry.variants()] for entry in entries
        ]
        self._exact = {key: index for index, keys in enumerate(self._variant_keys) for key in keys}

        # What each sentence "knows", in the order of the article.
        self.sentence_vocab: list[frozenset[str]] = [
            frozenset(sentence_words[s.id]) for s in knowledge.sentences
        ]
        self._sentence_postings = self._invert(self.sentence_vocab)
        self._has_number = [has_number(s.de) for s in knowledge.sentences]
        # "How many …" is only answered by an entry whose answer states a number.
        self._entry_has_number = [
            has_number(entry.answer.de + " " + entry.answer.en) for entry in entries
        ]

        self._vocabulary = Vocabulary(frozenset(self._postings), self.normalizer)
        # What each entry's numbers are figures of ("Strafe"), as tokens, and those the article
        # never gives ("Verlust").
        self.entry_figures = [frozenset(self.words_of(e.figures)) for e in entries]
        self.unstated_figures = frozenset(self.words_of(knowledge.meta.unstated_figures))
        # Per thing figures are given or asked of, the words of the entries that give its
        # figures (none for one the article never gives).
        figure_words: dict[str, set[str]] = {t: set() for t in self.unstated_figures}
        for figures, vocab in zip(self.entry_figures, self.entry_vocab, strict=True):
            for token in figures:
                figure_words.setdefault(token, set()).update(vocab)
        self._figure_words = {token: frozenset(words) for token, words in figure_words.items()}
        self._cache.save()
        self._cache = None  # questions are read afresh: each is new

    @property
    def used_words(self) -> frozenset[str]:
        """Every folded word the FAQ, the article and the synonym table use."""
        return self._used_words

    # --- index helpers ---------------------------------------------------------------------

    @staticmethod
    def _weights(
        documents: Sequence[Counter[str]], known: Iterable[str]
    ) -> tuple[dict[str, float], dict[str, dict[int, float]]]:
        """IDF of every token and its BM25 weight in each entry's document.

        Word weights come from the questions: a word many entries are asked with ("alibaba")
        tells entries apart less than one a single entry uses. Words found only in answers or
        sentences (``known``) count as rare.
        """
        n = len(documents)
        asked = LexicalIndex._invert([frozenset(d) for d in documents])
        idf = {
            t: math.log(1 + (n - len(asked.get(t, ())) + 0.5) / (len(asked.get(t, ())) + 0.5))
            for t in set(known) | asked.keys()
        }
        average = sum(d.total() for d in documents) / max(1, n)
        bm25: dict[str, dict[int, float]] = defaultdict(dict)
        for index, document in enumerate(documents):
            norm = BM25_K1 * (1 - BM25_B + BM25_B * document.total() / average)
            for token, tf in document.items():
                bm25[token][index] = idf[token] * tf * (BM25_K1 + 1) / (tf + norm)
        return idf, dict(bm25)

    @staticmethod
    def _word_pairs(texts: Iterable[Sequence[str]]) -> frozenset[tuple[str, str]]:
        """Pairs of words that only ever occur together, in this order ("jack ma")."""
        counts: Counter[str] = Counter()
        pairs: Counter[tuple[str, str]] = Counter()
        for tokens in texts:
            counts.update(tokens)
            pairs.update(pairwise(tokens))
        return frozenset(
            (a, b) for (a, b), n in pairs.items() if n >= 2 and n == counts[a] == counts[b]
        )

    def _tokens(self, text: str) -> list[str]:
        """A question's canonical tokens, intent markers first."""
        if self._cache is not None:  # building: the FAQ's texts may have been read before
            return self._cache.get("tokens", text, self._read_tokens)
        return self._read_tokens(text)

    def _read_tokens(self, text: str) -> list[str]:
        return self.normalizer.tokens(text, known=self._known_words)

    def words_of(self, texts: Iterable[str]) -> set[str]:
        """The canonical tokens of several texts (names, figure nouns …), as one set."""
        return {t for text in texts for t in self.words(text)}

    def words(self, text: str) -> list[str]:
        """A text's canonical tokens, hyphenated compounds also as parts, no intent markers."""
        if self._cache is not None:
            return self._cache.get("words", text, self._read_words)
        return self._read_words(text)

    def _read_words(self, text: str) -> list[str]:
        return self.normalizer.tokens(text, intents=False, parts=True, known=self._known_words)

    def known_words(self, text: str) -> str:
        """``text`` without the words whose tokens the FAQ doesn't know (stop words, question
        words and known words stay)."""
        kept = []
        for word in text.split():
            tokens = [t for t in self._tokens(word) if not t.startswith("?")]
            if not tokens or any(self._vocabulary.resolve(t) for t in tokens):
                kept.append(word)
        return " ".join(kept)

    @staticmethod
    def _invert(vocabs: Sequence[frozenset[str]]) -> dict[str, list[int]]:
        postings: dict[str, list[int]] = defaultdict(list)
        for index, vocab in enumerate(vocabs):
            for token in vocab:
                postings[token].append(index)
        return dict(postings)

    def _weight(self, token: str) -> float:
        return self._idf.get(token, UNKNOWN_WEIGHT)

    def query(self, question: str) -> Query:
        intents: list[str] = []
        tokens: list[str] = []
        for token in self._tokens(question):
            bucket = intents if token.startswith("?") else tokens
            if token not in bucket:
                bucket.append(token)
        if "?gist" in intents:  # "the headline of the piece in one line": the piece is the topic
            tokens = [t for t in tokens if t not in _THE_STORY]
        query = Query(intents=intents, tokens=tokens, weights=[])
        for token in tokens:
            matches = self._vocabulary.resolve(token)
            query.matches.append(matches)
            if token in self._idf:
                weight = self._idf[token]
            else:
                weight = min((self._idf[m] for m in matches), default=UNKNOWN_WEIGHT)
            query.weights.append(weight)
        # A word the FAQ doesn't know offered as an alternative ("Bloomberg or Reuters?") asks
        # nothing the other alternative doesn't.
        folded = fold(question)
        offered = {
            t
            for first, other in _ALTERNATIVE.findall(folded)
            if any(self._vocabulary.resolve(f) for f in self._tokens(first))
            for t in self._tokens(other)
        }
        # A figure the FAQ doesn't know in a claim to check ("Stimmt es, dass die Strafe fünf
        # Milliarden betrug?") is what the answer corrects, not a fact the entry lacks.
        claim = "?claim" in intents
        # … and so is a number in a claim that no figure of what it names has ("Die Strafe lag
        # bei 1 Milliarde Dollar, stimmt das?" checks the fine, not the investment's billion).
        named = {t for m in query.matches for t in m if t in self._figure_words} if claim else ()
        figures = frozenset().union(*(self._figure_words[t] for t in named))
        # … and so is the authority a claim names as who did it ("by the US regulators").
        agent = (
            {t for phrase in agent_phrases(folded) for t in self._tokens(phrase)}
            if claim and "?agent" in intents
            else set()
        )
        # … and so is a company the article never names that a claim puts in the place of one
        # it names ("modelled on Google"), but not as where something went ("switched to Google
        # Cloud"): the article's "rivals like AWS" leaves that open.
        others = (
            {t for t in tokens if t in OTHER_COMPANIES and not _as_destination(t, folded)}
            if claim
            else set()
        )
        for index, token in enumerate(tokens):
            # … and so is a currency a claim names ("the fine was 2.8 billion pounds, eh?"): the
            # answer's dollars correct it. (Asked as a conversion, "in pounds?", it is declined.)
            if claim and not query.matches[index] and is_currency(token):
                query.weights[index] = 0.0
            if token in agent or token in others:
                query.weights[index] = 0.0
            figure = claim and token[0].isdigit()
            if figure and named and token not in figures:
                query.matches[index] = frozenset()
            if not query.matches[index] and ((token in offered and index) or figure):
                query.weights[index] = 0.0
        # Two words that only ever occur together ("Jack Ma", "March quarter") weigh as one.
        for index in range(len(tokens) - 1):
            if (tokens[index], tokens[index + 1]) in self._phrases:
                query.weights[index] /= 2
                query.weights[index + 1] /= 2
        return query

    # --- scoring ---------------------------------------------------------------------------

    def coverage(self, query: Query, postings: dict[str, list[int]]) -> dict[int, float]:
        covered: dict[int, float] = defaultdict(float)
        for matches, weight in zip(query.matches, query.weights, strict=True):
            docs: set[int] = set()
            for match in matches:
                docs.update(postings.get(match, ()))
            for doc in docs:
                covered[doc] += weight
        total = query.total or 1.0
        return {doc: value / total for doc, value in covered.items()}

    def _relevance(self, query: Query) -> dict[int, float]:
        """BM25 of the query against each entry's questions, scaled to 0–1 by its maximum."""
        scores: dict[int, float] = defaultdict(float)
        terms = [
            (frozenset({i}), self._weight(i)) for i in query.intents if i not in SILENT_MARKERS
        ]
        terms += list(zip(query.matches, query.weights, strict=True))
        for matches, _weight in terms:
            best: dict[int, float] = {}
            for match in matches:
                for entry, value in self._bm25.get(match, {}).items():
                    if value > best.get(entry, 0.0):
                        best[entry] = value
            for entry, value in best.items():
                scores[entry] += value
        ceiling = sum(weight for _, weight in terms) * (BM25_K1 + 1) or 1.0
        return {entry: min(1.0, value / ceiling) for entry, value in scores.items()}

    def rank(self, query: Query) -> list[Candidate]:
        """All entries with any evidence, most relevant first."""
        if not query.tokens and not query.intents:
            return []
        # A word the entry states counts fully, one it is only asked with a little less.
        stated = self.coverage(query, self._stated_postings)
        coverage = {
            e: stated.get(e, 0.0) + VARIANT_WEIGHT * (c - stated.get(e, 0.0))
            for e, c in self.coverage(query, self._postings).items()
        }
        relevance = self._relevance(query)
        if "?amount" in query.intents:
            relevance = {e: r for e, r in relevance.items() if self._entry_has_number[e]}
        uncovered = 0.0 if query.tokens else 1.0  # a bare "wie lange?" leaves nothing uncovered
        candidates = [
            Candidate(
                entry=entry,
                coverage=coverage.get(entry, uncovered),
                relevance=value,
                score=round(100 * coverage.get(entry, uncovered), 1),
            )
            for entry, value in relevance.items()
        ]
        candidates.sort(key=lambda c: (-c.relevance, c.entry))
        return candidates

    def closest_wording(self, key: str, contenders: Sequence[int]) -> int | None:
        """Break a near-tie between ``contenders`` (entries) by wording: the entry one of whose
        questions reads almost like this one (``rapidfuzz``), clearly closer than the others'."""
        if len(contenders) < 2:
            return None
        closeness = sorted((self._wording(key, e), e) for e in contenders)
        (second, _), (first, entry) = closeness[-2], closeness[-1]
        return entry if first >= WORDING_MIN and first - second >= WORDING_LEAD else None

    def _wording(self, key: str, entry: int) -> float:
        """How close ``key`` reads to the entry's closest question, in order or reordered."""
        keys = self._variant_keys[entry]
        return max(
            process.extractOne(key, keys, scorer=fuzz.ratio)[1],
            process.extractOne(key, keys, scorer=fuzz.token_sort_ratio)[1],
        )

    def quote(self, query: Query) -> tuple[str, float] | None:
        """The one sentence that covers the question on its own, if any.

        A quote needs firmer evidence than an FAQ answer: only words the article uses as they
        are (after synonyms) count, not compound parts or typo guesses.
        """
        if len(query.tokens) < 2:
            return None
        pairs = zip(query.tokens, query.matches, strict=True)
        exact = replace(query, matches=[m & {t} for t, m in pairs])
        coverage = sorted(
            self.coverage(exact, self._sentence_postings).items(), key=lambda kv: -kv[1]
        )
        if "?amount" in query.intents:  # "how many …" is only answered by a sentence with a number
            coverage = [(i, c) for i, c in coverage if self._has_number[i]]
        if not coverage or coverage[0][1] < QUOTE_COVERAGE:
            return None
        if len(coverage) > 1 and coverage[1][1] >= coverage[0][1] - 0.1:
            return None
        return self.knowledge.sentences[coverage[0][0]].id, coverage[0][1]

    def states(self, entry: int, token: str) -> bool:
        """Whether ``entry``'s answer or sentences state the word ``token``, in any form with
        the same stem ("Logistik" is stated by "logistics platforms"), without guessing a typo
        in a short word ("Luft" is one letter from "left"; "konkurenten" is surely
        "Konkurrenten")."""
        forms = self._firm(token) | self._vocabulary.stemmed(token)
        return not forms.isdisjoint(self.entry_stated[entry])

    def knows(self, entry: int, token: str) -> bool:
        """Whether ``entry`` uses the word ``token`` anywhere, its questions included, without
        guessing a typo in a short word."""
        return not self._firm(token).isdisjoint(self.entry_vocab[entry])

    def _firm(self, token: str) -> frozenset[str]:
        """What ``token`` stands for, guessing a typo only in a word long enough to be sure."""
        return self._vocabulary.resolve(token, typos=len(token) >= FIRM_TYPO)

    def exact(self, question: str) -> int | None:
        """The entry whose FAQ question this is (case, umlauts and punctuation aside)."""
        return self._exact.get(variant_key(question))
