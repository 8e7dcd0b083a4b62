package workload

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"time"
)

// Bundle returns a synthetic statement bundle (JSON-LD, as internal/bundle
// parses it) of the given number of Quotations and ClaimReviews, for
// benchmarks and load tests. The same arguments give the same bytes.
//
// Statements are one to four English-like sentences: quote-worthy
// sentences from official-sounding templates mixed with free sentences,
// drawn from a vocabulary of a few thousand words (real function and news
// words, then made-up words for the long tail) with a Zipf distribution,
// as in real text. Speakers are fictional officials of fictional
// countries, with names, roles and affiliations. ClaimReviews are what
// real feeds publish: one short claimReviewed sentence (no variants, no
// about), a rating (about one in ten rates the claim true) and isBasedOn
// references to one to three statements. The result parses with no
// warnings; 10,000 statements and 1,000 claims are about 5 MB, under
// bundle.MaxBytes.
func Bundle(statements, claims int, seed int64) []byte {
	g := &generator{r: rand.New(rand.NewPCG(uint64(seed), 0x6661637463686b)), v: generatedVocabulary()}
	g.content = rand.NewZipf(g.r, 1.07, 2, uint64(len(g.v.content)-1))
	g.function = rand.NewZipf(g.r, 1.2, 1, uint64(len(functionWords)-1))
	speakers := make([]genEntity, max(8, statements/20))
	for i := range speakers {
		speakers[i] = g.speaker()
	}

	var out bytes.Buffer
	out.WriteString(`{"@context": "https://schema.org", "@graph": [`)
	sep := "\n"
	node := func(v any) {
		data, err := json.Marshal(v)
		if err != nil {
			panic(err) // plain structs of strings always marshal
		}
		out.WriteString(sep)
		out.Write(data)
		sep = ",\n"
	}
	for i := 1; i <= statements; i++ {
		src := genEntity{Type: "CreativeWork", Name: pick(g.r, sourceNames)}
		if g.r.IntN(2) == 0 {
			src.URL = fmt.Sprintf("https://example.org/statements/%d", i)
		}
		node(genQuotation{
			Type: "Quotation", ID: fmt.Sprintf("#s%d", i), Text: g.statementText(),
			Creator: speakers[g.r.IntN(len(speakers))], DatePublished: g.date(), IsBasedOn: src,
		})
	}
	for i := 1; i <= claims; i++ {
		rating := ratings[g.r.IntN(len(ratings))]
		cr := genClaimReview{
			Type:          "ClaimReview",
			ID:            fmt.Sprintf("#c%d", i),
			ClaimReviewed: g.claimText(),
			ItemReviewed:  genClaim{Type: "Claim", Author: g.claimant(), DatePublished: g.date()},
			ReviewRating: genRating{
				Type: "Rating", AlternateName: rating.name, RatingValue: rating.value, BestRating: 5, WorstRating: 1,
			},
			Author:        genEntity{Type: "Organization", Name: pick(g.r, reviewers)},
			DatePublished: g.date(),
			URL:           fmt.Sprintf("https://example.org/fact-checks/%d", i),
		}
		for n := min(1+g.r.IntN(3), statements); len(cr.IsBasedOn) < n; {
			ref := genRef{fmt.Sprintf("#s%d", 1+g.r.IntN(statements))}
			if !slices.Contains(cr.IsBasedOn, ref) {
				cr.IsBasedOn = append(cr.IsBasedOn, ref)
			}
		}
		node(cr)
	}
	out.WriteString("\n]}\n")
	return out.Bytes()
}

// The JSON shapes Bundle writes.
type (
	genEntity struct {
		Type        string     `json:"@type"`
		Name        string     `json:"name"`
		JobTitle    string     `json:"jobTitle,omitempty"`
		Affiliation *genEntity `json:"affiliation,omitempty"`
		URL         string     `json:"url,omitempty"`
	}
	genQuotation struct {
		Type          string    `json:"@type"`
		ID            string    `json:"@id"`
		Text          string    `json:"text"`
		Creator       genEntity `json:"creator"`
		DatePublished string    `json:"datePublished"`
		IsBasedOn     genEntity `json:"isBasedOn"`
	}
	genClaim struct {
		Type          string    `json:"@type"`
		Author        genEntity `json:"author"`
		DatePublished string    `json:"datePublished"`
	}
	genRating struct {
		Type          string `json:"@type"`
		AlternateName string `json:"alternateName"`
		RatingValue   int    `json:"ratingValue"`
		BestRating    int    `json:"bestRating"`
		WorstRating   int    `json:"worstRating"`
	}
	genRef struct {
		ID string `json:"@id"`
	}
	genClaimReview struct {
		Type          string    `json:"@type"`
		ID            string    `json:"@id"`
		ClaimReviewed string    `json:"claimReviewed"`
		ItemReviewed  genClaim  `json:"itemReviewed"`
		ReviewRating  genRating `json:"reviewRating"`
		Author        genEntity `json:"author"`
		DatePublished string    `json:"datePublished"`
		URL           string    `json:"url"`
		IsBasedOn     []genRef  `json:"isBasedOn,omitempty"`
	}
)

// generator draws the parts of a synthetic bundle.
type generator struct {
	r        *rand.Rand
	v        *vocabulary
	content  *rand.Zipf // index into v.content
	function *rand.Zipf // index into functionWords
}

// statementText returns one to four sentences.
func (g *generator) statementText() string {
	sentences := make([]string, 1+g.r.IntN(4))
	for i := range sentences {
		if g.r.IntN(100) < 55 {
			sentences[i] = g.fill(pick(g.r, statementTemplates))
		} else {
			sentences[i] = g.freeSentence(8 + g.r.IntN(17))
		}
	}
	return strings.Join(sentences, " ")
}

// claimText returns one short sentence.
func (g *generator) claimText() string {
	if g.r.IntN(100) < 70 {
		return g.fill(pick(g.r, claimTemplates))
	}
	return g.freeSentence(6 + g.r.IntN(7))
}

// fill replaces the slots of a template: {w} a content word, {P} a place,
// {S} a person's name, {M} a month, {N} a number.
func (g *generator) fill(template string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(template, '{')
		if i < 0 {
			b.WriteString(template)
			return b.String()
		}
		b.WriteString(template[:i])
		switch template[i+1] {
		case 'w':
			b.WriteString(g.word())
		case 'P':
			b.WriteString(pick(g.r, g.v.places))
		case 'S':
			b.WriteString(g.personName())
		case 'M':
			b.WriteString(time.Month(1 + g.r.IntN(12)).String())
		case 'N':
			fmt.Fprintf(&b, "%d", 2+g.r.IntN(98))
		}
		template = template[i+3:]
	}
}

// freeSentence returns n words mixing function and content words.
func (g *generator) freeSentence(n int) string {
	words := make([]string, n)
	for i := range words {
		if g.r.IntN(100) < 45 {
			words[i] = functionWords[g.function.Uint64()]
		} else {
			words[i] = g.word()
			if i < n-1 && g.r.IntN(100) < 8 {
				words[i] += ","
			}
		}
	}
	words[0] = strings.ToUpper(words[0][:1]) + words[0][1:]
	return strings.Join(words, " ") + "."
}

func (g *generator) word() string { return g.v.content[g.content.Uint64()] }

func (g *generator) personName() string {
	return pick(g.r, firstNames) + " " + pick(g.r, lastNames)
}

// speaker returns an official, or now and then an office speaking as one.
func (g *generator) speaker() genEntity {
	place := pick(g.r, g.v.places)
	office := fmt.Sprintf(pick(g.r, offices), place)
	if g.r.IntN(10) == 0 {
		return genEntity{Type: "Organization", Name: office}
	}
	return genEntity{
		Type: "Person", Name: g.personName(), JobTitle: pick(g.r, roles),
		Affiliation: &genEntity{Type: "Organization", Name: office},
	}
}

func (g *generator) claimant() genEntity {
	if g.r.IntN(4) == 0 {
		return genEntity{Type: "Organization", Name: "Social media users"}
	}
	return genEntity{Type: "Person", Name: g.personName()}
}

// date returns a day between 2020 and 2024.
func (g *generator) date() string {
	return time.Date(2020, 1, 1+g.r.IntN(5*365), 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
}

// vocabulary is the fixed word stock of Bundle.
type vocabulary struct {
	content []string // most frequent first
	places  []string
}

// vocabularySize is the number of content words.
const vocabularySize = 3000

// generatedVocabulary builds the vocabulary once: the real news words,
// then made-up two-syllable words, and fictional place names.
var generatedVocabulary = sync.OnceValue(func() *vocabulary {
	v := &vocabulary{}
	seen := map[string]bool{}
	for _, w := range functionWords {
		seen[w] = true
	}
	add := func(list *[]string, w string) {
		if !seen[w] {
			seen[w] = true
			*list = append(*list, w)
		}
	}
	for _, w := range strings.Fields(newsWords) {
		add(&v.content, w)
	}
	r := rand.New(rand.NewPCG(1, 2))
	syllable := func() string {
		return pick(r, onsets) + pick(r, nuclei) + pick(r, codas)
	}
	for len(v.content) < vocabularySize {
		add(&v.content, syllable()+syllable())
	}
	for len(v.places) < 40 {
		w := syllable() + pick(r, placeEndings)
		add(&v.places, strings.ToUpper(w[:1])+w[1:])
	}
	return v
})

var (
	functionWords = strings.Fields(`the of and to a in that is was for on with as by at from it this be
		are have has not but or an will we our they their he she his her its which would could should can
		may must been were there than more all about into over after before also if no so only other such
		what when who while because these those them very even just between against during without under
		again most any each both few many much own same some then too up out new`)

	newsWords = `government president minister official statement security border troops invasion possibility
		support sovereignty integrity diplomacy talks call meeting agreement sanctions economy assistance aid
		embassy personnel military defence forces alliance partners allies region crisis conflict peace war
		threat risk pressure response decision policy reform election parliament vote law court report reports
		sources falsehoods claims evidence investigation spokesman spokeswoman office ministry department
		council committee budget funds billion million dollars trade energy gas oil pipeline prices inflation
		growth jobs workers families children schools health hospital vaccine pandemic climate emissions
		floods disaster relief refugees migration citizens people nation country state capital city village
		mayor governor leaders leadership cooperation commitment readiness principle efforts coordination
		operations exercise drills weapons missiles equipment supplies shipment delivery deadline schedule
		month week year today tomorrow yesterday weeks months years decisive decisively distinct complete
		completely false true accurate clear clearly public publicly private foreign domestic international
		national regional local economic macroeconomic humanitarian development strategic political diplomatic
		additional significant serious imminent possible likely unlikely certain uncertain open closed
		operational stable unstable strong weak firm full fully further previous previously recent recently
		current currently immediate immediately responsible committed ready prepared concerned confident
		grateful said says warned warning discussed reaffirmed underscored confirmed denied rejected announced
		agreed signed approved launched continue continues remain remains respond invade invades protect
		defend provide provided exploring ensure strengthen reduce increase expand maintain deliver prepare
		address resolve discuss consider review monitor assess calls speak spoke meet met visit visited
		travel return leave departure arrival negotiations ceasefire withdrawal deployment mobilisation
		escalation stability transparency accountability corruption justice rights freedom democracy
		independence unity solidarity dialogue consultations framework initiative proposal plan strategy
		package measures steps action actions consequences costs benefits impact outcome result results
		progress challenges opportunities interests values priorities concerns questions answers details facts
		truth speculation documents sides parties members representatives delegation summit conference
		briefing interview press media journalists reporters newspaper television broadcast`

	onsets       = strings.Fields("b br c ch d dr f fl g gr h k l m n p pr r s st t tr v w z")
	nuclei       = strings.Fields("a e i o u ai ea ou")
	codas        = append(strings.Fields("n r l s t nd rt st m"), "")
	placeEndings = strings.Fields("ia land stan ova ar onia")

	statementTemplates = []string{
		"We will {w} decisively if {P} further {w} {P}.",
		"There is a {w} possibility that {P} could {w} the {w} in {M}.",
		"{S} has said this publicly and we have been {w} about the {w} for months.",
		"This is not true.",
		"Reports of {w} more or different than that are completely false.",
		"We remain committed to the {w} and {w} of {P}.",
		"The {w} of {P} is not for {w} to decide.",
		"Any {w} by {P} will be met with a swift and {w} response.",
		"{S} made clear that the embassy in {P} remains open and fully {w}.",
		"We have provided more than {N} million dollars in {w} and {w} assistance.",
		"Nothing about {P} without {P}.",
		"We will not {w} the {w} of our {w}.",
		"All the rest is {w}.",
		"Our position on the {w} has not changed since {M}.",
		"The leaders discussed {w} efforts on {w} security.",
	}
	claimTemplates = []string{
		"{S} said {P} would {w} the {w}.",
		"{P} has secretly {w} its {w}.",
		"The call between {S} and {S} did not go well.",
		"{S} told {S} that a {w} was virtually certain.",
		"{P} plans to {w} the {w} in {M}.",
		"{N} percent of {w} in {P} were {w}.",
	}

	firstNames = strings.Fields(`Anna Marta Olena Sofia Lena Irina Clara Nadia Eva Maria Laura Julia Helena
		Rosa Petra David Mark Pavel Oleg Tomas Andrei Jonas Luca Peter Samuel Viktor Daniel Ivan Karl Milan Anton`)
	lastNames = strings.Fields(`Horvat Novak Kovalenko Schmidt Moreau Rossi Silva Jensen Nowak Petrov Larsen
		Dubois Fischer Costa Brennan Walsh Keller Lindqvist Marin Varga Bauer Hale Morgan Reyes Kowalski Sato
		Okafor Mensah Haddad Quinn`)
	roles = []string{
		"Spokeswoman", "Spokesman", "Press Secretary", "Minister of Foreign Affairs", "Minister of Defence",
		"Prime Minister", "President", "Deputy Foreign Minister", "Ambassador to the United Nations",
		"National Security Adviser", "Chief of Staff", "Head of the Presidential Office",
	}
	offices = []string{
		"Ministry of Foreign Affairs of %s", "Office of the President of %s", "Government of %s",
		"Ministry of Defence of %s", "Embassy of %s",
	}
	sourceNames = []string{
		"Press briefing", "Statement to reporters", "Interview", "Social media post", "Official readout", "Speech",
	}
	reviewers = []string{"Example Fact Check", "Verify Desk", "Truth Meter"}
	ratings   = []struct {
		name  string
		value int
	}{
		{"False", 1}, {"False", 1}, {"False", 1}, {"Pants on Fire", 1}, {"Mostly false", 2},
		{"Misleading", 2}, {"Misleading", 2}, {"Disputed", 2}, {"Mostly true", 4}, {"True", 5},
	}
)
