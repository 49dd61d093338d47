package claims

import (
	"briefbot/knowledge/words"
	"strings"
)

// cueForms maps every written form of a verb of saying (any tense) to its
// lemma. Forms are listed, not stemmed, so that "states" (the verb) and
// "stated" are known while unrelated words that stem alike are not.
var cueForms = func() map[string]string {
	m := map[string]string{}
	regular := `add argue caution claim declare insist state note report suggest explain
	warn acknowledge admit predict assert stress conclude concede lament deny announce pledge
	reckon observe reply ask maintain estimate characterise characterize describe confirm
	publish remark recall contend allege complain urge emphasise emphasize point`
	for _, v := range strings.Fields(regular) {
		stem := strings.TrimSuffix(v, "e")
		m[v] = v
		m[v+"s"] = v
		m[stem+"ed"] = v
		m[stem+"ing"] = v
	}
	for _, f := range [][2]string{
		{"say", "say"}, {"says", "say"}, {"said", "say"}, {"saying", "say"},
		{"tell", "tell"}, {"tells", "tell"}, {"told", "tell"}, {"telling", "tell"},
		{"write", "write"}, {"writes", "write"}, {"wrote", "write"}, {"writing", "write"},
		{"admitted", "admit"}, {"admitting", "admit"}, {"denies", "deny"}, {"denied", "deny"},
		{"replied", "reply"}, {"replies", "reply"}, {"issued", "publish"}, {"released", "publish"},
	} {
		m[f[0]] = f[1]
	}
	return m
}()

// speakerAfterVerb lists the cue verbs that may be followed by their subject
// in news style ("said a retired official"); "told" needs an object and
// "point" needs "out", so they never introduce a speaker this way.
var speakerAfterVerb = map[string]bool{
	"say": true, "add": true, "warn": true, "caution": true, "write": true, "argue": true,
	"note": true, "explain": true, "insist": true, "ask": true, "declare": true, "claim": true,
	"state": true, "remark": true, "observe": true, "reply": true, "recall": true,
	"contend": true, "complain": true, "lament": true, "concede": true, "conclude": true,
}

// characterising verbs report a judgement as "X described Y as Z".
var characterising = map[string]bool{
	"characterise": true, "characterize": true, "describe": true,
}

// cueNeedsParticle lists cue lemmas that are verbs of saying only with a
// following particle ("points out").
var cueNeedsParticle = map[string]string{"point": "out"}

// notInSpeaker are words that end a speaker phrase when it is read backwards
// from its verb: verbs, conjunctions, prepositions and pronouns that cannot
// be part of a name or a role. "of", "the", "and" and role nouns may.
var notInSpeaker = words.Set(`that which who whom whose is are was were be been being has have had do does did
will would can could may might must should shall to in on at by for with from into as if when while
because but than so not there where also then however although though after before since until
during without within about over under against between through per via it its`)

// auxiliaries and adverbs may stand between a speaker and the verb.
var auxiliaries = words.Set(`has have had also likewise recently previously already once again reportedly
publicly repeatedly later earlier often further now then still would will`)

// catenatives link a speaker to a verb of saying: "had cause to lament",
// "was quick to add".
var catenatives = words.Set(`cause quick keen forced eager moved hastened rushed sought went`)

// pronouns never name a speaker by themselves.
var pronouns = words.Set(`he she they it we i you his her their its them him us this these those such one`)

// leadingNoise are words that open a clause before its subject ("Last week
// the minister said"); they are dropped from the front of a speaker phrase.
var leadingNoise = words.Set(`last this next week month year yesterday today tonight earlier later just but and
so yet also then however meanwhile now still monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december`)

// timeWords say when something was said, not who said it or what.
var timeWords = words.Set(`yesterday today tonight last night week monday tuesday wednesday thursday friday
saturday sunday morning afternoon evening`)

// reportNouns name documents that speak for their authors.
var reportNouns = words.Set(`report reports assessment assessments study estimate estimates analysis review
statement survey paper document findings`)

// fighterNouns are the units in which armed groups are counted; counts in any
// of them measure the same thing (a group's strength).
var fighterNouns = words.Set(`fighters fighter men members militants troops soldiers operatives personnel
combatants jihadists recruits insurgents guerrillas cadres loyalists`)
