package actors

import "briefbot/knowledge/words"

// The word lists below are small, closed-class vocabularies (titles,
// connectors, head nouns, calendar words) plus a compact list of countries
// and regions. They describe English naming conventions, not any document.

// titles are honorifics and offices written before a name; they are not
// part of a person's identity unless the name is a single word.
var titles = words.Set(`mr mrs ms miss messrs dr prof professor sir dame lord lady general gen lt lieutenant col
colonel maj major capt captain admiral adm sgt sergeant commander cmdr president vice prime minister
secretary senator sen rep representative congressman congresswoman councilman councilwoman councillor
councilor alderman governor mayor king queen prince
princess sheikh shaikh sheik mullah mulla mawlawi maulvi maulana mawlana mufti imam qari hafiz haji
hajji emir amir ayatollah pope judge justice chairman chairwoman chancellor ambassador deputy chief
director minister marshal brigadier field former supreme leader spokesman emeritus rev
reverend father brother sister`)

// honorifics are the titles that stay with a one-word name (Mullah Omar):
// religious and customary forms of address rather than offices.
var honorifics = words.Set(`mullah mulla mawlawi maulvi maulana mawlana mufti imam qari hafiz haji hajji
sheikh shaikh sheik emir amir ayatollah sir dame lord lady`)

// saints open names rather than title them: "St. Augustine" and "St.
// Lawrence Seaway" are places, "St. Paul" a saint's name, none of them
// "Augustine" or "Lawrence Seaway".
var saints = words.Set(`st saint ste`)

// roleNouns name a function a person or group has; they mark role phrases
// ("a senior Taliban commander") and keep title-only spans from being names.
var roleNouns = words.Set(`leader leaders head chief commander secretary president minister director founder
member spokesman spokeswoman spokesperson official scholar author journalist fellow editor teacher
professor analyst expert ideologue emir deputy chairman chairwoman governor envoy representative
ambassador general officer coordinator adviser advisor associate researcher lecturer reporter
correspondent militant militia group organisation organization movement network affiliate faction
branch wing party successor founder veteran doctor cleric preacher negotiator diplomat strategist
writer historian counsellor counselor commissioner chancellor king queen prince mullah emir judge
spokesperson operative financier planner recruiter mastermind lawmaker senator congressman mayor
premier ruler chieftain warlord`)

// particles are the lowercase parts of names: articles and patronymics,
// hyphenated ("al-Qaeda", "as-Sahab", "Pul-i-Charkhi") or standalone.
var particles = words.Set(`al el ad ar as at ash an az wal bin ibn bint de da del della der di du la le van von
ul ud e i y`)

// looseParticles may stand as separate words inside a name ("Osama bin
// Laden"); the others are too common as English words ("as", "an", "at").
var looseParticles = words.Set(`al el bin ibn bint de da del della der di du la le van von ul ud`)

// orgHeads end (or, before "of", head) the names of organisations.
var orgHeads = words.Set(`network group movement party council committee ministry department directorate
agency army front brigade brigades battalion corps forces alliance organization organisation guild
institute university school college center centre foundation commission congress parliament
assembly court office service services bureau administration union nations league federation
association society academy company corporation bank press news times post journal tribune
magazine emirate government chiefs staff cabinet senate police guard guards command
commando unit division regiment taliban jihad caliphate brotherhood mujahideen consortium trust
fund program programme project initiative house`)

// partyWords before a person's name say their party, not their name.
var partyWords = words.Set(`republican republicans democrat democrats democratic federalist whig labour tory`)

// rulerNouns after a person's name say whom a government belongs to.
var rulerNouns = words.Set(`regime regimes government administration dictatorship forces`)

// genericHeads alone point back to a body named before ("the Department",
// "the Bureau"); unlike Congress or the Senate they name none by themselves.
var genericHeads = words.Set(`department bureau commission committee council office agency ministry directorate
service program programme project fund initiative unit division company corporation association
society institute foundation organization organisation group network chamber chambers comptroller
federal imperial`)

// placeHeads end the names of places.
var placeHeads = words.Set(`state province provinces city district valley mountains mountain river island islands
region subcontinent peninsula sea ocean gulf desert county village town lake bay strait straits
coast border pass airport square street road camp prison base republic republics kingdom empire
canal isthmus territory territories colony colonies continent`)

// personCueVerbs follow or precede a speaker's name.
var personCueVerbs = words.Set(`said says told wrote argued warned added noted cautioned believes believed
stated claimed explained insisted asked replied lamented admitted declared announced tweeted
remarked observed suggested recalled acknowledged conceded`)

// listenerVerbs take the listener, not the speaker, as object ("told Sky").
var listenerVerbs = words.Set(`told asked`)

// orgCueNouns follow an organisation's name used as a modifier.
var orgCueNouns = words.Set(`fighters members member leaders leader leadership regime militants commanders
commander operatives affiliates affiliate cells camps spokesman ideologue media government rule
movement networks takeover victory officials guard ranks recruits training`)

// placeCueNouns follow a place name ("Kandahar province", "Kabul airport").
var placeCueNouns = words.Set(`province provinces region regions city cities capital district districts
border borders valley airport countryside`)

// placePrepositions precede place names more than other names.
var placePrepositions = words.Set(`in into across near from throughout inside outside`)

// calendar words and boilerplate are never actors on their own.
var notNames = words.Set(`monday tuesday wednesday thursday friday saturday sunday january february march
april may june july august september october november december jan feb mar apr jun jul aug sep
sept oct nov dec please share photograph photo image picture credit source sources comments comment
reply related read more subscribe click follow advertisement copyright getty executive summary
abstract introduction conclusion conclusions update updated editor note notes newsletter sign login
menu home search video watch listen christmas easter thanksgiving`)

// titleCaseJoins are the short words title case leaves in lower case.
var titleCaseJoins = words.Set(`a an the and or of to in on at by for from with as but nor`)

// regions are the adjectives of the compass points.
var regions = words.Set(`northern southern eastern western`)

// compass words name no actor on their own ("South and Southwest Asia").
var compass = words.Set(`north south east northeast northwest southeast southwest central`)

// openers are words that open sentences and are never names, beyond the
// stop words: a capitalised opener followed by a name is not part of it.
var openers = words.Set(`although though however moreover meanwhile despite while whereas because since
yet still instead thus hence therefore indeed even only just then now here today yesterday last next
first finally additionally furthermore nevertheless nonetheless according following amid unlike like
unless once perhaps many most some several few both either neither every each another such
whatever whoever whichever`)

// creditWords introduce photo or image credits; the rest of the sentence is
// not searched for names.
var creditWords = words.Set(`photograph photo image picture credit illustration`)

// demonyms are adjectives of nationality, faith or region: modifiers, not
// actors, when they stand alone.
var demonyms = words.Set(`afghan afghani pakistani american british english egyptian arab arabian saudi
iranian iraqi syrian russian chinese indian uzbek tajik turkish turkmen uighur uyghur pashtun
hazara shiite shia sunni muslim islamist islamic jihadist western eastern northern southern soviet
european kashmiri baloch balochi yemeni somali libyan israeli palestinian jordanian qatari emirati
kurdish french german indonesian malaysian african asian chechen dagestani kazakh kyrgyz persian
punjabi sindhi bengali bangladeshi nigerian malian algerian moroccan tunisian lebanese ukrainian
polish italian spanish canadian australian japanese korean filipino christian jewish hindu buddhist
sufi salafi wahhabi deobandi talib turk frenchman englishman austrian hungarian mexican cuban
brazilian argentine chilean peruvian colombian venezuelan haitian dominican nicaraguan panamanian
guatemalan honduran salvadoran dutch swiss swedish norwegian danish finnish belgian portuguese greek
romanian bulgarian serbian croatian bosnian albanian czech slovak vietnamese thai cambodian laotian
burmese mongolian tibetan hawaiian samoan philippine liberian ethiopian kenyan congolese spaniard
latin hispanic irish scottish welsh prussian bavarian fascist communist socialist marxist bolshevik
nazi indian native andean`)

// places is a compact gazetteer of countries, regions and major cities.
var places = words.Set(`afghanistan pakistan iran iraq syria yemen saudi_arabia qatar kuwait bahrain oman
jordan lebanon israel palestine gaza egypt libya tunisia algeria morocco sudan somalia ethiopia
kenya nigeria mali niger chad mauritania mozambique turkey russia china india bangladesh nepal
tajikistan uzbekistan turkmenistan kazakhstan kyrgyzstan azerbaijan georgia armenia ukraine
belarus poland germany france britain great_britain england scotland wales ireland spain portugal
italy greece netherlands belgium sweden norway denmark finland austria switzerland hungary
romania bulgaria serbia bosnia kosovo albania croatia canada mexico brazil argentina colombia
venezuela cuba chile peru japan korea north_korea south_korea indonesia malaysia philippines
thailand vietnam myanmar burma sri_lanka maldives australia new_zealand united_states
united_kingdom us usa uk america europe asia africa middle_east central_asia south_asia
southwest_asia southeast_asia east_asia north_africa west_africa east_africa sahel maghreb levant
caucasus balkans gulf persian_gulf arabian_peninsula kashmir xinjiang waziristan balochistan
khorasan punjab sindh kabul kandahar helmand herat kunduz mazar_i_sharif jalalabad nangarhar
kunar nuristan farah nimruz zabul kapisa paktia paktika khost ghazni logar wardak badakhshan
takhar baghlan bamiyan panjshir uruzgan ghor balkh faryab jowzjan islamabad karachi lahore
peshawar quetta rawalpindi abbottabad tehran baghdad damascus riyadh doha dubai cairo moscow
beijing singapore delhi new_delhi mumbai washington london paris berlin brussels new_york new_york_city
birmingham manila jakarta istanbul ankara tashkent dushanbe ashgabat bishkek almaty mosul raqqa
aleppo idlib mogadishu tripoli benghazi sanaa aden ussr soviet_union west the_west
nicaragua guatemala honduras el_salvador costa_rica panama haiti dominican_republic jamaica
puerto_rico porto_rico bahamas ecuador bolivia paraguay uruguay guyana hawaii alaska samoa guam
liberia ghana senegal congo angola zimbabwe zambia uganda tanzania rwanda namibia botswana
south_africa madagascar eritrea djibouti cambodia laos mongolia taiwan formosa hong_kong tibet
siberia manchuria iceland luxembourg czechoslovakia czech_republic slovakia yugoslavia prussia
estonia latvia lithuania moldova macedonia montenegro slovenia cyprus malta
alabama arizona arkansas california colorado connecticut delaware florida idaho illinois indiana
iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri
montana nebraska nevada new_hampshire new_jersey new_mexico north_carolina north_dakota ohio oklahoma
oregon pennsylvania rhode_island south_carolina south_dakota tennessee texas utah vermont virginia
west_virginia wisconsin wyoming chicago boston philadelphia los_angeles san_francisco new_orleans
detroit atlanta dallas miami seattle baltimore pittsburgh st_louis kansas_city
tokyo rome madrid vienna warsaw prague budapest athens lisbon stockholm oslo copenhagen havana
mexico_city ottawa toronto montreal sydney melbourne shanghai seoul pyongyang hanoi saigon
bangkok rangoon nairobi lagos johannesburg jerusalem tel_aviv beirut amman geneva`)

// knownAliases groups widely used alternative names that no document needs
// to define (ISIS for the Islamic State). Names are compared folded; a group
// only merges actors that the documents actually name.
var knownAliases = [][]string{
	{"islamic state", "isis", "isil", "is", "daesh", "islamic state of iraq and syria", "islamic state of iraq and the levant"},
	{"islamic state khorasan province", "is kp", "iskp", "isis k", "isis kp", "islamic state khorasan", "islamic state in khorasan province"},
	{"tehrik e taliban pakistan", "tehreek e taliban pakistan", "ttp"},
	{"al qaeda", "aq"},
	{"al qaeda in the indian subcontinent", "aqis"},
	{"al qaeda in the arabian peninsula", "aqap"},
	{"al qaeda in the islamic maghreb", "aqim"},
	{"united states", "us", "usa", "united states of america"},
	{"united kingdom", "uk", "britain", "great britain"},
	{"united nations", "un"},
	{"european union", "eu"},
	{"soviet union", "ussr"},
}

// knownAliasGroup maps the identity key of every known alias to its group.
var knownAliasGroup = func() map[string]int {
	m := map[string]int{}
	for i, g := range knownAliases {
		for _, n := range g {
			m[identityKey(n)] = i
		}
	}
	return m
}()
