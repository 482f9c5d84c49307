"""Stage 4: an entry answers only the kinds of question it declares, about the names it knows."""

import pytest

from bot.answerability import Asked, Offer, Unstated, check, question_kinds
from bot.normalize import Normalizer, which_exactly


def intents(text: str) -> list[str]:
    return [t for t in Normalizer().tokens(text) if t.startswith("?")]


# What a question asks (``question_kinds``): exactly these kinds …
_EXACT_KINDS = [
    ("Seit welchem Jahr wächst die Cloud langsamer?", ["date"]),
    ("Warum hat TikTok gewechselt?", ["why"]),
    ("How many developers?", ["amount"]),
    ("Was ist AsiaForward?", []),  # open to any entry
    ("How many start-ups so far?", ["amount", "sofar"]),
    ("Was versteht man unter Cloud-nativ?", ["meaning"]),
    # A relative "wo" (southern German) asks no place; a "wo" that starts a question does.
    ("Wer sind d Konkurrente, wo s Wachstum bremsed?", ["who"]),
    ("Und wo investiert Alibaba?", ["where"]),
    # A share of the total: "how much of the billion", "wie viel davon".
    ("How much of the billion goes to Singapore?", ["per", "elsewhere"]),
    ("Wie viel davon bekommt Singapur?", ["per", "elsewhere"]),
    ("How much of a fine was it?", ["amount"]),
    ("Wia vui Geld steckt da Alibaba nei?", ["amount"]),  # regional forms
    ("wie veel Umsatz hett de Alibaba bröcht?", ["absolute"]),  # the revenue itself
]
# … or among others, this kind (True) or not this kind (False).
_HAS_KIND = [
    # Kinds of fact the article never states.
    ("How much does each start-up get?", "per", True),
    ("Wie viel Geld gibt es pro Start-up?", "per", True),
    ("Wie hoch ist der Förderbetrag je Start-up?", "per", True),
    ("Je nachdem, wie viel bekommt Alibaba?", "per", False),
    ("Per its statement, where does the money go?", "per", False),
    ("As per Alibaba statement, which demand?", "per", False),
    ("What's Alibaba planning with data centres, per Zhang?", "per", False),  # according to
    ("How many start-ups have already been picked?", "sofar", True),
    ("Wia oid is da Jack Ma eigentlich?", "age", True),
    ("What is the absolute cloud revenue?", "absolute", True),
    ("What's a billion US in Kiwi dollars?", "conversion", True),
    ("How much is 1 billion dollar in reais?", "conversion", True),
    ("1 Mrd. USD – wie viel ist das in CFA-Franc?", "conversion", True),
    ("wie viel Real sind 1 Milliarde Dollar", "conversion", True),
    ("how much is the fine in chinese yuan", "conversion", True),
    ("Is that in real terms?", "conversion", False),
    ("Cloud revenue in INR?", "conversion", True),
    ("How much is the investment in euros, more or less?", "conversion", True),
    ("Please provide the INR equivalent of the investment amount.", "conversion", True),
    ("Is it true that the antitrust fine was 2.8 billion euros?", "conversion", False),
    ("Wie viele Mio Euro sind die 2,8 Mrd Dollar Strafe?", "conversion", True),
    ("Ist das eine Milliarde Euro oder Dollar?", "conversion", False),  # the currency asked
    # A claim naming some authority as who did it asks who, wherever it places them.
    ("und die strafe kam von der EU, ne?", "who", True),
    ("und die strafe kam von der EU, ne?", "elsewhere", False),
    ("Did the EU fine Alibaba too?", "elsewhere", True),
    ("did the chinese government give the fine?", "who", True),  # giving a fine imposes it
    # Wordings of kinds the article never states (a meaning, a month, since when something
    # exists, who the unnamed source is, staff, the year before, an old currency).
    ("was heisst cloud-nativ ueberhaupt", "meaning", True),
    ("was bedeutet risikokapital", "meaning", True),  # a long word alone is a term too
    ("APAC, was heisst ausgeschrieben?", "meaning", False),  # (what it stands for: the region)
    ("whats a fintech lol", "meaning", True),
    ("which exact month tiktok drop alibaba?", "date", True),
    ("seit wann gibts die cloud von alibaba ueberhaupt", "founding", True),
    ("Wer genau war die anonyme Person, die das mit TikTok erzählt hat?", "unnamed", True),
    ("who is de 'person familiar with the matter' in real life?", "unnamed", True),
    ("wie viele leute schaffen bei alibaba", "company", True),
    ("Um wie viel Prozent wuchs der Cloud-Umsatz im Vorjahresquartal?", "previous", True),
    ("1 Milliarde Dollar, wieviel ist das in D Mark?", "conversion", True),
    # every other currency of ISO 4217, not the everyday words among their names
    ("Wie viele Guaraní sind eine Milliarde Dollar?", "conversion", True),
    ("how much is that in kwacha", "conversion", True),
    # … in their plurals in -es, and after a word of their own ("tunesische Dinar")
    ("Wie viel sind die 1 Milliarde Dollar in Quetzales?", "conversion", True),
    ("1 milliarde dollar wie viel ist das in tunesische dinar?", "conversion", True),
    # a city or country is a place, not its dollars
    ("tiktok servers in singapore?", "conversion", False),
    ("tiktok servers in singapore?", "elsewhere", True),
    ("how much is that in singapore dollars?", "conversion", True),
    ("Does Alibaba Cloud have a data centre in Central Asia?", "elsewhere", True),
    ("any data centres in Scotland?", "elsewhere", True),
    ("What is the fine in real terms?", "conversion", False),
    # an amount for a single one of those the money is for asks a share
    ("how much does one startup get?", "per", True),
    ("Wie viel kriegt ein Entwickler?", "per", True),
    ("What does a startup get?", "per", False),
    # … and an amount of one of its uses out of the sum
    ("wie viel geld fuer talentschulungen genau aus der 1 mrd", "per", True),
    ("Wie viel steckt Alibaba in die Schulungen?", "per", False),
    # how much more comes later asks a sum the article never gives; whether more may come
    # is asked of the billion, which it calls a start
    ("the 1 bn is called initial funding so how much more comes later", "forecast", True),
    ("Wie viel Geld kommt später noch dazu?", "forecast", True),
    ("Könnte später noch mehr Geld kommen?", "forecast", False),
    ("How much more is the fine than the investment?", "forecast", False),
    # a month other than the article's March asks another period, unless a claim names it
    ("Wie stark wuchs die Cloud im Dezember-Quartal?", "previous", True),
    ("Cloud revenue grew 37% in the June quarter, right?", "previous", False),
    ("What will become of the talent pool once the three years are over?", "forecast", True),
    ("welches startup hat schon geld bekommen", "sofar", True),
    ("hat alibaba die 2,8 milliarden strafe schon bezahlt?", "sofar", True),
    ("Wie viele Start-ups haben schon Geld aus dem Programm erhalten?", "sofar", True),
    ("billion dollar for who?", "who", False),
    ("who is the money for?", "who", False),
    ("Wie viele der 100.000 Start-ups kommen aus Vietnam?", "per", True),  # a subset
    ("how many engineers work at Alibaba Cloud?", "company", True),  # its staff
    ("did tiktok leave cuz alibaba was too expensive?", "why", True),  # a reason to check
    ("Hat Alibaba wegen der Strafe Verlust gemacht?", "why", True),
    ("Wie lautet das Zitat von Jeff Zhang?", "said", True),
    ("Who was the fella from Alibaba that spoke?", "speaker", True),
    ("what's jeff zhang's quote about demand?", "said", True),
    ("Was heißt Fintech? Das steht in dem Zitat von Herrn Zhang.", "said", False),
    ("Wie lange gibt es das schon?", "sofar", False),
    ("wie bewirbt man sich da?", "apply", True),
    ("Which contractor is building the new data centres?", "company", True),
    # Which companies are its customers: the article names one big customer, and that it left.
    ("Which Dutch companies are customers of Alibaba Cloud?", "company", True),
    ("welche logistikfirmen sind bei alibaba cloud kunde?", "company", True),
    ("Which fintech apps use Alibaba Cloud?", "company", True),
    ("Welcher Großkunde ist ausgestiegen?", "company", False),
    ("Which customer left Alibaba Cloud?", "company", False),
    # A quoted term asked about as a whole question asks its meaning …
    ("Was bedeutet „Cloud-native Technologien“ genau?", "meaning", True),
    ("wah is ‘cloud-native’ even mean? de president say demand strong for it", "meaning", True),
    ("what does cloud native even mean lol, the quote uses it", "meaning", True),
    ("what 'cloud-native' actually means here", "meaning", True),
    ("what does this mean for startups?", "meaning", False),
    ("what does the fine mean for Alibaba?", "meaning", False),
    ("Was bedeutet „im Vorgriff auf eine digitale Zukunft“ konkret für Alibaba?", "meaning", False),
    # … and what Jack Ma does now, or where he is, a role the article never gives him.
    ("what is jack ma job title now?", "role", True),
    ("Jack Ma, is der nich abgetaucht?", "role", True),
    ("Welche Rolle hat Jack Ma heute bei Alibaba?", "role", True),
    ("Welche Rolle spielt Jack Ma im Artikel?", "role", False),
    # What the training is like, which the article never says.
    ("Welche Programmiersprachen werden in den Trainings vermittelt?", "company", True),
    ("Bieten die die Schulungen online an oder vor Ort?", "company", True),
    ("Welche Schulen in Asien bekommen diese Talentschulungen?", "company", True),
    ("Wer bekommt die Schulungen?", "company", False),
    ("did tiktok go back to alibaba later?", "forecast", True),
    ("Macht der Alibaba jetzt wieder Gewinn?", "company", True),
    ("Was macht Alibaba mit den Gewinnen?", "company", False),
    ("Who is owner of ByteDance company?", "company", True),
    ("wiefiel Euro sind dat denn, die Milliarde Dollar?", "conversion", True),
    # How long before something asks a duration, not another period.
    ("wie lang hatte alibaba vorher keinen quartalsverlust mehr", "previous", False),
    ("Wie viel Verlust hatte Alibaba vorher?", "previous", True),
    # A news outlet named as a guess asks which outlet, not who wrote it.
    ("Wer hat das geschrieben, die Bild-Zeitung?", "outlet", True),
    ("Wer hat das geschrieben, die Bild-Zeitung?", "author", False),
    ("Wer hat das geschrieben?", "author", True),
    ("Wia viel Yuan sein de 1 Milliard Dollar?", "conversion", True),
    ("how much is a billion dollars in quid", "conversion", True),
    # A share of another figure: "wie viel Prozent vom Jahresumsatz".
    ("Wie viel Prozent vom Jahresumsatz ist die Strafe?", "per", True),
    ("What percentage of revenue was the fine?", "per", True),
    ("Um wie viel Prozent ist der Cloud-Umsatz gewachsen?", "per", False),
    ("Gibt es einen Link zum Original?", "author", True),  # the article gives none
    ("What is the meaning of cloud-native?", "meaning", True),
    ("Wer hat dich programmiert?", "self", True),
    ("Are you a bot?", "self", True),
    ("Was hat Alibaba falsch gemacht?", "why", True),
    ("Wie steht die Alibaba-Aktie?", "company", True),
    ("Wie dick war die Strafe?", "amount", True),
    ("How do I sign up for AsiaForward?", "apply", True),
    ("Wo kann ich mich bewerben?", "apply", True),
    ("Welche Wettbewerber nennt der Artikel?", "apply", False),
    ("Does it apply outside Asia?", "apply", False),
    ("What's Alibaba Cloud's market share in APAC?", "company", True),
    ("Wie viele Mitarbeiter hat Alibaba Cloud?", "company", True),
    ("Ist Jack Ma nach wie vor Mehrheitsaktionär?", "company", True),
    ("Ist die Kartellstrafe rechtskräftig?", "company", True),
    ("Hat TikTok bei AWS einen Rabatt bekommen?", "company", True),
    ("Will Alibaba Cloud cut prices to compete? Price cuts?", "company", True),
    ("Als Aktionär frage ich: wie hoch war die Strafe?", "company", False),
    ("Who is Alibaba Group's CEO?", "company", True),
    ("Wer ist der Verwaltungsratspräsident der Alibaba Group?", "company", True),  # Swiss
    ("Who sits on Alibaba's board of directors?", "company", True),
    ("Wer ist der Nachfolger von Jack Ma?", "company", True),
    ("What does Meituan sell?", "company", True),
    ("Wo sitzt Alibaba Cloud?", "company", True),
    ("In welcher Stadt sitzt Alibaba eigentlich?", "company", True),
    ("In welcher Weltregion sollen die Start-ups sitzen?", "company", False),  # the region
    ("Which cities will get new data centres?", "where", True),
    ("In welchen Ländern investiert Alibaba?", "where", False),  # the region answers it
    ("Gibt es ein Video dazu?", "author", True),  # other media about it
    ("Is there a video about it?", "author", True),
    ("Was ist TikTok für ein Videodienst?", "author", False),
    ("Where is Alibaba Cloud based?", "company", True),
    ("Wer ist größer, Tencent oder Alibaba?", "company", True),
    ("Which is the bigger company, Meituan or Tencent?", "company", True),
    ("Wie groß ist die Firma?", "company", True),
    ("Wie viel Strafe musste Jack Ma persönlich zahlen?", "company", True),
    ("Did Jack Ma personally pay the fine?", "company", True),
    ("Wie groß ist der Talentpool?", "company", False),  # the amount the article gives
    ("the total profit Alibaba made in the last financial year", "company", True),
    ("Who is Jeff Zhang's boss?", "company", True),
    ("who is boss of Jeff Zhang?", "company", True),
    ("Wer ist der Chef von Alibaba Cloud?", "company", False),
    ("wer is chef von alibaba cloud intelligence?", "company", False),  # "is": not possessive
    ("Who is Alibaba Cloud's boss?", "company", False),  # the cloud unit's: its president
    # The revenue itself: the article gives only its growth.
    ("Wie viel Umsatz macht die Cloud-Sparte?", "absolute", True),
    ("Wie hoch war der Cloud-Umsatz?", "absolute", True),
    ("How much revenue does the cloud make?", "absolute", True),
    ("Wie hoch war das Umsatzwachstum?", "absolute", False),
    ("How much did cloud revenue grow?", "absolute", False),
    ("Quantum of the quarterly loss?", "amount", True),
    ("loss size that qtr?", "amount", True),
    ("Wat glaubst du, holt Alibaba TikTok wieder zurück?", "forecast", True),
    ("Will Alibaba win TikTok back?", "forecast", True),
    ("Wat glaubst du, holt Alibaba TikTok wieder zurück?", "self", True),  # an opinion
    ("Wie hoch ist das Gehalt von Jeff Zhang?", "company", True),
    ("How many people is working in Alibaba cloud company?", "company", True),
    ("Ist Alibaba Cloud Marktführer in Asien?", "company", True),
    ("is the cloud unit even profitable yet?", "company", True),
    ("How many people will be trained?", "company", False),
    ("Welche Ursachen werden für die Verlangsamung genannt?", "why", True),
    ("Wer ist der Präsident von Alibaba Cloud?", "company", False),
    ("Name of the Bloomberg reporter?", "author", True),
    ("Was ist die Quelle?", "author", False),
    # Which countries exactly: the article names a region, no list of countries.
    ("Welche Länder in Asien bekommen das Geld genau?", "countries", True),
    ("which countries exactly are covered?", "countries", True),
    ("Is Malaysia one of the countries covered?", "countries", True),
    ("In welcher Region wird investiert?", "countries", False),
    ("What country is Alibaba from?", "countries", False),  # one country: China
    # The revenue itself: the article gives only its growth.
    ("Welchen Umsatz hatte die Cloud im März-Quartal?", "absolute", True),
    ("Welches Umsatzwachstum hatte die Cloud?", "absolute", False),
    ("cloud rev in USD, Mar qtr?", "absolute", True),
    ("cloud rev growth Mar qtr?", "absolute", False),
    ("What was Alibaba's total group revenue for the March quarter?", "absolute", True),
    ("what was the group's revenue in that quarter?", "absolute", True),
    ("what was the cloud revenue growth?", "absolute", False),
    # Which investors exactly: the article names none.
    ("Which VC firms are partners in the program?", "company", True),
    ("Welche Risikokapitalgeber sind dabei?", "company", True),
    ("Will they help founders find venture capital?", "company", False),
    # How to take part, also with the separable verb around its object.
    ("Wie meld ma sich für des Programm an?", "apply", True),
    ("Meldet Alibaba einen Verlust an?", "apply", False),
    # What the article is about as a whole: only the entry that sums it up answers.
    ("Worum geht es da eigentlich im Kern?", "gist", True),
    ("worum gehts in dem artikel", "gist", True),
    ("what's this Alibaba article actually about?", "gist", True),
    ("what is this about?", "gist", True),  # (the message the reader was sent)
    ("the venture capital bit, whats that about", "gist", False),
    ("Was ist die Kernaussage des Artikels in einem Satz?", "gist", True),
    ("What's the takeaway from this whole story, in one line?", "gist", True),
    ("How would you sum up Project AsiaForward in one sentence?", "gist", True),
    ("Worum geht es in ein paar Worten?", "gist", True),
    ("In one sentence, what's the headline of this news?", "gist", True),
    ("Worum geht es bei der Strafe?", "gist", False),
    ("What's the main point Jeff Zhang makes?", "gist", False),
    ("Fass mir die Strafe zusammen", "gist", False),
    ("What is the article saying about TikTok?", "gist", False),
    # Where the article comes from: its source or outlet, not the source of one claim in it.
    ("Aus welcher Quelle stammt dieser Bericht ursprünglich?", "outlet", True),
    ("which outlet dropped this story", "outlet", True),
    ("wo kummt der artikel her", "outlet", True),
    ("Auf welche Quelle stützt sich die Angabe, TikTok habe Alibaba verlassen?", "outlet", False),
    ("Woher weiß man das mit TikTok?", "outlet", False),
    # Who wrote it: the article names its source, not a writer.
    ("Wer hat den Artikel geschrieben?", "author", True),
    ("Who wrote this piece?", "author", True),
    ("von wem wurde das geschrieben", "author", True),
    ("Welcher Bloomberg-Redakteur hat den Bericht verfasst?", "author", True),
    ("Hat Alibaba früher schon rote Zahlen geschrieben?", "author", False),
    ("the reasons behind the slowdown", "why", True),
    ("What specific conduct led the regulators to penalise Alibaba?", "why", True),
    ("Was hat zum Verlust geführt?", "why", True),
    # what someone is accused of is the reason for the penalty
    ("Was genau wurde Alibaba kartellrechtlich vorgeworfen?", "why", True),
    ("What was Alibaba accused of?", "why", True),
    # Predictions and judgements the article doesn't make; opinions asked of the bot.
    ("Wird AsiaForward ein Erfolg?", "forecast", True),
    ("Will TikTok come back to Alibaba?", "forecast", True),
    ("Wie geht es mit dem Cloud-Geschäft weiter?", "forecast", True),
    ("Was the fine fair?", "forecast", True),
    ("Is it fair to say the cloud is slowing?", "forecast", False),
    ("Was wird Alibaba mit den Gewinnen machen?", "forecast", False),
    ("Was hältst du von AsiaForward?", "self", True),
    ("What do you think about the fine?", "self", True),
    # A place the article doesn't name: outside its regions, or a country or city in APAC (it
    # names the region, not its countries).
    ("Investiert Alibaba auch in Europa?", "elsewhere", True),
    ("Does Alibaba Cloud operate in Africa?", "elsewhere", True),
    ("Gilt das Programm auch in Singapur?", "elsewhere", True),
    ("Alibaba Cloud has data center in Seoul?", "elsewhere", True),
    ("Benutzt TikTok in Japan auch AWS?", "elsewhere", True),
    ("Is the money meant for the Asia-Pacific region?", "elsewhere", False),
    ("Baut Alibaba Rechenzentren in China?", "elsewhere", False),
    ("Was TikTok's move good for the American rivals?", "elsewhere", False),
    # … unless offered beside the article's region: the question is which, and it answers
    ("Ist das Geld für Europa oder nur für Asien?", "elsewhere", False),
    ("Is it just for Korea or for the whole region?", "elsewhere", False),
    ("Is it for Korea and Japan?", "elsewhere", True),
    # A name: only an entry that gives one answers.
    ("Magkano po sa pesos yung 1 billion USD?", "conversion", True),  # Tagalog "sa": in
    ("how much be dis 1 billion dollar for naira?", "conversion", True),
    # a choice with the article's own currency asks which one it is
    ("Hey, quick one: is the billion in USD or in won?", "conversion", False),
    ("Is the billion in won or in dollars?", "conversion", False),
    ("how much is the billion in won?", "conversion", True),
    # What happens afterwards, what others think: the article doesn't say.
    ("What happens with AsiaForward once the three years are over?", "forecast", True),
    ("Was passiert mit den zusätzlichen Gewinnen?", "forecast", False),
    # What someone thinks: only what the quoted say answers.
    (
        "What do founders and VCs in Southeast Asia actually think about AsiaForward?",
        "said",
        True,
    ),
    ("Was halten Analysten von dem Projekt?", "said", True),
    ("Was hält Jack Ma von der Rekordstrafe?", "said", True),
    ("What does Jeff Zhang think about the demand?", "said", True),
    ("Has Alibaba publicly commented on losing TikTok as a customer?", "said", True),
    ("Hat Alibaba den TikTok-Abgang kommentiert?", "said", True),
    ("Was ist der Grund?", "why", True),
    ("Was ist Grund?", "why", True),
    ("what was alibaba cloud total revenue in dollars for the march q", "absolute", True),
    ("Baut Alibaba nu auch ein Rechenzentrum in Hamburg?", "elsewhere", True),
    # A year of its own asks about another period; "seit 2014" is the article's comparison.
    ("Wie viel Prozent is des Cloud-Geschäft 2014 gewachse?", "previous", True),
    ("Langsamstes Wachstum seit 2014?", "previous", False),
    # Legal and deal details the article never gives.
    ("Welche Gesetze wurden erlassen?", "company", True),
    ("Did Alibaba appeal the fine?", "company", True),
    ("Stimmt es, dass Alibaba die Strafe in Raten abstottert?", "company", True),
    ("How much equity does Alibaba take if they fund us?", "company", True),
    ("Wer hat Alibaba bestraft?", "company", False),
    # events it never reports: a lawsuit, a firing, a takeover
    ("Why did Amazon Web Services sue Alibaba for copying them?", "company", True),
    ("warum wurde jeff zhang gefeuert", "company", True),
    ("Warum hat Huawei Alibabas Rechenzentren gekauft?", "company", True),
    ("die tick tack app hat die den ali baba rausgeschmissen", "company", False),
    # Who runs the programme or its training: the article names no one.
    ("Who is the project lead in charge of AsiaForward?", "role", True),
    ("Who is the head of training at Alibaba Cloud?", "role", True),
    ("Wer managt das Programm operativ?", "role", True),
    ("Wer leitet die Cloud-Sparte von Alibaba?", "role", False),
    # Who heads the whole group: the article names only the cloud unit's president.
    ("Wer ist Chef von ganze Alibaba jetzt?", "company", True),
    ("Wer ist der Chef von Alibaba Cloud?", "company", False),
    # What happens after the three years.
    ("Wie es mit dem Projekt nach den drei Jahren weitergehen soll?", "forecast", True),
    ("What comes after the three years?", "forecast", True),
    # How it is known asks who says so; where something came from is a place.
    ("Woher weiß man das mit TikTok?", "who", True),
    ("Where does the TikTok information come from?", "who", True),
    ("The cloud business, where did it come from originally?", "who", False),
    # More of what is named: "who else", "welche noch", "besides".
    ("Welche Firma hat Alibaba außer TikTok noch den Rücken gekehrt?", "others", True),
    ("Who else pledged to spend more?", "others", True),
    ("Which other Chinese companies raise spending?", "others", True),
    ("Welche anderen Firmen wollen mehr ausgeben?", "others", True),
    ("Wer hat die Strafe verhängt?", "others", False),
    ("Und wer noch?", "others", True),
    # How the sum is split up: the article gives no breakdown.
    ("Phasing of the $1bn across the three years?", "per", True),
    ("Wie wird die Milliarde aufgeteilt?", "per", True),
    ("How is the money split between startups and developers?", "per", True),
    ("Wofür wird das Geld verwendet?", "per", False),
    # How one company compares with another: the article compares none.
    ("Stimmt es, dass Huawei Cloud schneller wächst als Alibaba Cloud?", "company", True),
    ("How does Alibaba Cloud compare to AWS?", "company", True),
    ("Huawei Cloud Umsatzwachstum im Vergleich dazu?", "company", True),
    ("Wie stark wuchs die Cloud im Vergleich zum Vorjahr?", "company", False),
    ("What does ‘cloud-native’ actually mean?", "meaning", True),
    ("Was bedeutet cloud-native?", "meaning", True),
    ("was ist mit talent pool gemeint", "meaning", True),
    ("What does this mean for developers?", "meaning", False),
    ("What does the fine mean for Alibaba?", "meaning", False),
    ("Wie heißt das Projekt?", "name", True),
    ("what's the programme called", "name", True),
    ("Welchen Namen trägt die Initiative?", "name", True),
    ("Why was the source not named?", "name", False),
    # who someone is whom the article leaves unnamed: it can't say
    ("Who is the person that asked to not be identified?", "unnamed", True),
    ("Wer ist die Person, die nicht genannt werden wollte?", "unnamed", True),
    ("Wer ist die anonyme Quelle?", "unnamed", True),
    ("Who is this 'person familiar with the matter' really?", "unnamed", True),
    ("who's the insider that leaked the tiktok thing?", "unnamed", True),
    ("Why did the source ask not to be identified?", "unnamed", False),
    ("Who said TikTok left?", "unnamed", False),
    ("What's your name?", "name", False),
    # What someone said: only an entry that reports a statement answers.
    ("Und was sagt Jack Ma persönlich dazu?", "said", True),
    ("wot did Huawei say about all this then?", "said", True),
    ("Wos hot TikTok offiziell zum Wechsl gsogt?", "said", True),
    ("Was sagt der Artikel über TikTok?", "said", False),
    ("What does the article say about the fine?", "said", False),
    ("is that legit what they said?", "said", False),
    ("Was anything said about the loss?", "said", False),
    ("Hat TikTok bzw. ByteDance selbst was dazu gesagt?", "said", True),
    ("Has ByteDance said anything about it?", "said", True),
    # Who said something: an entry that reports what was said answers it.
    ("who said the bit about a digital future", "speaker", True),
    ("Wer hat gesagt, dass die Nachfrage stark ist?", "speaker", True),
    ("Who fined Alibaba?", "speaker", False),
    # since when something exists, however "gibt es" is written
    ("Seit wann gibt's Alibaba Cloud überhaupt?", "founding", True),
    ("seit wann gibts alibaba cloud ueberhaupt?", "founding", True),
    ("Seit wann gibts das Programm?", "founding", False),
    ("seit wann gibts das", "founding", False),
    # a figure in any other country's dollars
    ("how much de fine is in TT dollars", "conversion", True),
    ("how much is that in US dollars", "conversion", False),
    ("How much is it in billion dollars?", "conversion", False),
    # … but a claim in another currency is corrected by the answer's dollars
    ("the fine was in pounds, right?", "conversion", False),
    ("is the billion in euros?", "conversion", False),
    ("how much is the fine in euros?", "conversion", True),
    # what someone did wrong asks the reason for what followed
    ("Was genau hat Alibaba verbockt, dass die Strafe kam?", "why", True),
    ("what did alibaba do wrong?", "why", True),
    # who runs something, however "running" is spelled
    ("jack ma still runnin the show over there?", "role", True),
    # another period, asked after the figure; "per cent" is no share per head
    ("37 per cent. compared to what, the year before?", "previous", True),
    ("cloud up 37 per cent?", "per", False),
    # a count in a compound, the figure of something
    ("alibaba cloud kundenzahl insgesamt?", "amount", True),
    ("Welche Jahreszahl steht da?", "amount", False),
    ("what was the exact figure of the fine?", "amount", True),
    # any country the article doesn't name, in English or German (ISO 3166 names) …
    ("does Alibaba Cloud have any data centres in Ireland?", "elsewhere", True),
    ("Gibt es das auch in Ägypten?", "elsewhere", True),
    ("alibaba have datacenter in mongolia?", "elsewhere", True),
    # … not beside the region, not China, not a country's name that is an everyday word
    ("this program is for Egypt also or only for Asia?", "elsewhere", False),
    ("Wie hoch war die Strafe in China?", "elsewhere", False),
    ("Is there an island data centre?", "elsewhere", False),
    # staff, however "working" is spelled
    ("how many people workin on asiaforward", "company", True),
]


@pytest.mark.parametrize(("question", "kinds"), _EXACT_KINDS)
def test_question_kinds_from_question_words(question: str, kinds: list[str]) -> None:
    assert question_kinds(intents(question)) == set(kinds)


@pytest.mark.parametrize(("question", "kind", "asked"), _HAS_KIND)
def test_kinds_of_fact_a_question_asks(question: str, kind: str, asked: bool) -> None:
    assert (kind in question_kinds(intents(question))) is asked


def asks(question: str, **what: list[str]) -> Asked:
    return Asked(intents(question), **what)


def test_kind_must_be_declared() -> None:
    why = asks("Warum hat TikTok Alibaba verlassen?")
    assert not check(why, Offer(["who", "what"])).ok
    assert "why" in check(why, Offer(["who", "what"])).reason
    assert check(why, Offer(["who", "what"])).missing == {"why"}
    assert check(why, Offer(["why"])).ok
    # A date also tells when; a day does not give the year.
    assert check(asks("Wann?"), Offer(["date"])).ok
    assert not check(asks("In welchem Jahr?"), Offer(["when"])).ok
    # "Since when" is answered by a day, a date or a duration ("first loss in nine years") …
    since = asks("Quartalsverlust – erster seit wann?")
    assert question_kinds(since.intents) == {"since"}
    for kind in ("when", "date", "howlong"):
        assert check(since, Offer([kind])).ok
    assert not check(since, Offer(["amount", "why"])).ok
    # … but a duration doesn't say when.
    assert not check(asks("Wann war das?"), Offer(["howlong"])).ok


def test_a_term_is_explained_only_by_an_entry_that_defines_it() -> None:
    apac = Asked(intents("What does APAC mean?"), terms=[frozenset({"apac"})])
    native = Asked(intents("What does cloud-native mean?"), terms=[frozenset({"native"})])
    region = Offer(["meaning", "where"], defines=["apac", "region"])
    assert check(apac, region).ok
    verdict = check(native, region)
    assert not verdict.ok and "term" in verdict.reason
    # Every word asked about must be explained; a question of another kind is not checked.
    both = Asked(intents("meaning of APAC and fintech"), terms=[frozenset({"apac"}), frozenset()])
    assert not check(both, region).ok
    where = Asked(intents("Where?"), terms=[frozenset({"native"})])
    assert check(where, region).ok


def test_names_must_be_known_to_the_entry() -> None:
    about_huawei = Asked([], names=["huawei"])
    verdict = check(about_huawei, Offer(["amount"], known=["umsatz", "cloud"]))
    assert not verdict.ok and "huawei" in verdict.reason
    assert check(about_huawei, Offer(["who"], known=["huawei"])).ok


def test_every_kind_of_question_word_can_be_declared_by_an_entry() -> None:
    from typing import get_args

    from bot.knowledge import Kind
    from bot.normalize import _INTENTS

    # "claim" marks a claim to check, "still" a question about now, "single" one of those the
    # money is for, "month" a month other than March, "agent" an authority named as who did
    # something, "newsname" a news outlet named as a guess, "mention" why or where the article
    # mentions something, "later" more to come and "continent" another part of the world in a
    # statement to check, which are no kinds of fact; "what" is every other question.
    markers = {"claim", "still", "agent", "newsname", "single", "later", "month", "mention"}
    markers |= {"continent"}
    assert set(_INTENTS) - markers == set(get_args(Kind)) - {"what"}


def test_a_number_of_something_never_mentioned_is_no_answer() -> None:
    women = Asked(intents("How many women are in the talent pool?"), uncounted="women")
    assert not check(women, Offer(["amount"], figures=["talentpool"])).ok
    pool = asks("How many people are in the talent pool?", figures=["talentpool"])
    assert check(pool, Offer(["amount"], figures=["talentpool"])).ok


def test_a_figure_of_something_else_is_no_answer() -> None:
    loss = asks("How big was the loss?", figures=["verlust"])
    assert not check(loss, Offer(["amount"], figures=["jahr"])).ok
    years_since = asks("How big was the loss?", figures=["verlust", "jahr"])
    assert check(years_since, Offer(["amount"], figures=["jahr"])).ok
    # A question that names nothing figures are asked of is not held to it.
    assert check(asks("How much?"), Offer(["amount"], figures=["jahr"])).ok


def test_a_figure_the_article_never_gives_is_not_answered_by_its_unit() -> None:
    never = Unstated(figures=["verlust"], units=["geld"])
    money_lost = asks("How much money did Alibaba lose?", figures=["geld", "verlust"])
    assert not check(money_lost, Offer(["amount"], figures=["geld"]), never).ok
    # "How many years since the last loss?" names the loss, but asks a figure the entry gives.
    years = asks("How many years since the last loss?", figures=["jahr", "verlust"])
    assert check(years, Offer(["amount"], figures=["jahr"]), never).ok
    # Money for start-ups: no figure the article never gives is asked, the unit is enough.
    money = asks("How much money for start-ups?", figures=["geld", "startup"])
    assert check(money, Offer(["amount"], figures=["geld"]), never).ok


def test_reasons_the_article_never_gives_are_not_answered() -> None:
    never = Unstated(reasons=["strafe"])
    # The fine is a reason for investing, not explained itself.
    fined = asks("Why was Alibaba fined?", reasons=["strafe"])
    assert not check(fined, Offer(["why"], explains=["investition"]), never).ok
    # "Why did the fine lead to a loss?" names the loss, which the entry explains.
    loss = asks("Why did the fine lead to a loss?", reasons=["strafe", "verlust"])
    assert check(loss, Offer(["why"], explains=["verlust"]), never).ok
    # A why question about something the article does explain is open to every "why" entry.
    growth = asks("Why is the cloud growing slower?", reasons=["wachstum"])
    assert check(growth, Offer(["why"], explains=["investition"]), never).ok


def test_a_time_the_article_never_gives_is_not_answered() -> None:
    never = Unstated(times=["strafe"])
    # The pledge's "last month" is not when the fine came.
    fined = asks("Wann kam die Kartellstrafe – welcher Monat?", times=["strafe"])
    assert not check(fined, Offer(["when"], times=["gewinn"]), never).ok
    # "When did Alibaba pledge its profits, after the fine?" names what the time is of.
    pledge = asks("When did Alibaba pledge its profits after the fine?", times=["strafe", "gewinn"])
    assert check(pledge, Offer(["when"], times=["gewinn"]), never).ok
    # Nor how long: "Bis wann muss Alibaba die Strafe zahlen?" is not the loss's nine years.
    until = asks("Bis wann muss Alibaba die Rekordstrafe zahlen?", times=["strafe"])
    assert not check(until, Offer(["howlong"], times=["verlust"]), never).ok
    # Other questions about the fine are not touched.
    amount = asks("Wie hoch war die Strafe?", times=["strafe"])
    assert check(amount, Offer(["amount"]), never).ok


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("Welche Schulungen genau? Gibts auch was auf Deutsch?", "schulungen genau"),
        ("Which cloud services exactly did TikTok move to AWS?", "cloud services"),
        ("Mit welchen Investoren konkret werden die Gründer verbunden?", "investoren konkret"),
        ("what are the other opportunities exactly?", "opportunities exactly"),
        # … and what kind ones exactly
        ("was für schulungen genau? python, cloud, ki?", "schulungen genau"),
        ("What kind of courses exactly?", "courses exactly"),
        # … or of what it names before: "welche denn?"
        ("„und anderen Möglichkeiten“ – welche denn?", "„und anderen moglichkeiten"),
        # not which ones exactly
        ("Welche Schulungen bietet Alibaba an?", ""),
        ("What exactly is Project AsiaForward?", ""),
    ],
)
def test_which_ones_exactly_names_what_is_asked_about(question: str, words: str) -> None:
    assert which_exactly(question) == words


def test_which_ones_exactly_of_what_the_article_never_lists_is_not_answered() -> None:
    trainings = asks("Welche Schulungen genau?", unlisted=["schulung"])
    verdict = check(trainings, Offer(["what", "how"]))
    assert not verdict.ok and "never listed" in verdict.reason
    assert check(asks("Welche Schulungen genau?"), Offer(["what", "how"])).ok
