//! Word lists attribution reads text with: speech verbs, titles, role
//! nouns, organization heads, places, given names by gender, and East Asian
//! family names (written first).
//!
//! Hand-curated and small (a few hundred words per list): news attribution
//! is dominated by a closed class of verbs and titles, and the lists only
//! break ties the sentence structure leaves open. Every list is lowercase;
//! multi-word entries use `_` for the space and are looked up with
//! [`is_place`] on a key of words joined by spaces.

use rustc_hash::FxHashSet;
use std::sync::LazyLock;

/// Verbs whose subject is the source of the words reported next to them.
const SPEECH_VERBS: &str = "
say says said saying tell tells told telling add adds added adding ask asks asked asking
insist insists insisted insisting claim claims claimed claiming declare declares declared declaring
note notes noted noting stress stresses stressed stressing warn warns warned warning
reply replies replied replying call calls called calling argue argues argued arguing
write writes wrote writing explain explains explained explaining respond responds responded responding
urge urges urged urging pledge pledges pledged pledging repeat repeats repeated
dismiss dismisses dismissed acknowledge acknowledges acknowledged acknowledging
announce announces announced announcing assert asserts asserted asserting
complain complains complained complaining concede concedes conceded conceding
confirm confirms confirmed confirming contend contends contended contending
deny denies denied denying describe describes described describing
demand demands demanded demanding observe observes observed observing
predict predicts predicted predicting promise promises promised promising
recall recalls recalled recalling remark remarks remarked remarking
report reports reported reporting retort retorts retorted shout shouts shouted shouting
state states stated suggest suggests suggested suggesting testify testifies testified testifying
vow vows vowed vowing admit admits admitted admitting accuse accuses accused accusing
criticize criticizes criticized criticizing criticise criticised condemn condemns condemned condemning
term terms termed label labels labeled labelled quip quips quipped joke jokes joked
recount recounts recounted boast boasts boasted caution cautions cautioned cautioning
advise advises advised advising muse muses mused wonder wonders wondered
proclaim proclaims proclaimed proclaiming scream screamed yell yelled whisper whispered
mutter muttered chant chanted chanting sing sang cry cried exclaim exclaimed
announced quote quotes quoted quoting tweet tweets tweeted tweeting post posted
stipulate stipulates stipulated read reads reiterate reiterates reiterated reiterating
threaten threatens threatened threatening charge charges charged charging
allege alleges alleged alleging estimate estimates estimated hail hails hailed praise praised
blast blasts blasted blame blames blamed lament laments lamented
concluded conclude concludes summarize summarized summed
welcome welcomes welcomed decried decry decries
";

/// Words that may stand between a subject and its speech verb ("Lavrov
/// also said", "the minister has repeatedly said", "Castro on Sunday said").
const BETWEEN_SUBJECT_AND_VERB: &str = "
has had have also later then again once reportedly earlier previously would will repeatedly
further however still only just then now immediately quickly publicly privately flatly
angrily bluntly simply first recently today yesterday tonight sunday monday tuesday wednesday
thursday friday saturday on last this late early night morning afternoon evening week month year
is was were are be been being had not never often always frequently
";

/// Titles and honorifics written before a name ("Gen. Augusto Pinochet").
const TITLES: &str = "
mr mrs ms miss dr prof gen lt col capt cmdr sgt maj adm rev sen rep gov pres atty supt insp
president vice prime minister secretary foreign defense defence interior finance home
chancellor premier king queen prince princess pope sheikh shaikh emir sultan ayatollah mullah imam
rabbi cardinal archbishop bishop father sister brother lord lady sir dame judge justice
ambassador envoy chairman chairwoman chairperson deputy chief commander general colonel
captain lieutenant sergeant major admiral senator representative congressman congresswoman
governor mayor speaker attorney counsel director inspector superintendent commissioner
spokesman spokeswoman spokesperson agent detective officer constable marshal
professor doctor dean coach treasurer state assistant acting former late crown emperor
";

/// Courtesy titles that tell a man.
const MALE_TITLES: &str =
    "mr sir lord king prince father brother sheikh emir sultan ayatollah pope cardinal rabbi";

/// Courtesy titles that tell a woman.
const FEMALE_TITLES: &str = "mrs ms miss lady dame queen princess sister";

/// Nouns naming a person or a group of people by what they are ("a senior
/// official", "the spokesman", "witnesses").
const ROLE_NOUNS: &str = "
spokesman spokeswoman spokesperson spokesmen spokeswomen official officials minister ministers
president leader leaders secretary ambassador envoy diplomat diplomats analyst analysts
expert experts lawyer lawyers attorney attorneys prosecutor prosecutors judge judges senator senators
lawmaker lawmakers legislator legislators congressman congresswoman governor mayor chief director
chairman chairwoman head commander general officer officers policeman policemen police
witness witnesses resident residents student students worker workers doctor doctors
professor economist economists consultant adviser advisor aide aides negotiator negotiators
source sources member members manager coach player players owner founder executive executives
representative representatives editor reporter correspondent journalist scientist scientists
researcher researchers astronomer astronomers engineer engineers investigator investigators
inspector activist activists protester protesters protestors demonstrators shopper shoppers
man men woman women boy girl mother father wife husband son daughter friend neighbor neighbour
survivor survivors victim victims relative relatives people crowd authorities observers
veteran fan fans passenger passengers pilot pilots soldier soldiers troops villager villagers
farmer farmers teacher teachers partner partners colleague colleagues supporter supporters
critic critics opponent opponents candidate voter voters citizen citizens official
strategist pollster banker bankers trader traders dealer dealers commentator analyst
secretary-general counselor counsellor advocate advocates organizer organizers
emigres refugee refugees delegate delegates mediator monk monks priest pastor cleric clerics
guerrilla guerrillas rebel rebels militant militants insurgents fighter fighters
";

/// Role nouns that tell a man.
const MALE_NOUNS: &str = "spokesman chairman congressman policeman man boy father husband son brother king prince monk priest";

/// Role nouns that tell a woman.
const FEMALE_NOUNS: &str = "spokeswoman chairwoman congresswoman policewoman woman girl mother wife daughter sister queen princess actress widow";

/// Heads of the names of institutions, publications and documents, which
/// speak but are no persons ("the Arab League", "a Cabinet statement").
const ORGANIZATION_HEADS: &str = "
ministry department government agency council committee commission board office party league
union organization organisation association court army navy police bank fund company corp corporation
inc ltd co group institute university college center centre foundation embassy consulate cabinet
parliament congress senate duma assembly newspaper daily times post news radio television tv
network report statement agreement warrant letter editorial commentary ad ads advertisement commercial
version document text station service authority administration alliance coalition movement front
federation channel magazine journal gazette herald tribune telegraph press agency bureau
directorate secretariat tribunal panel team club church mosque hospital airline airlines airport
industry industries exchange system society institution regime junta command headquarters
police force forces guard guards troops military council state republic kingdom federation
website site program programme project initiative conference summit hearing indictment
resolution declaration communique communiqué broadcast interview survey poll study
";

/// Countries (with [`PLACES`], places).
const COUNTRIES: &str = "
afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas
bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil
brunei bulgaria burkina_faso burma burundi cambodia cameroon canada chad chile china colombia
comoros congo costa_rica croatia cuba cyprus czech_republic denmark djibouti dominica
dominican_republic east_timor ecuador egypt el_salvador eritrea estonia ethiopia fiji finland
france gabon gambia georgia germany ghana greece grenada guatemala guinea guyana haiti honduras
hungary iceland india indonesia iran iraq ireland israel italy ivory_coast jamaica japan jordan
kazakhstan kenya kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein
lithuania luxembourg macedonia madagascar malawi malaysia maldives mali malta mauritania mauritius
mexico moldova monaco mongolia montenegro morocco mozambique myanmar namibia nepal netherlands
new_zealand nicaragua niger nigeria north_korea norway oman pakistan palestine panama
papua_new_guinea paraguay peru philippines poland portugal qatar romania russia rwanda
saudi_arabia senegal serbia sierra_leone singapore slovakia slovenia somalia south_africa
south_korea spain sri_lanka sudan suriname swaziland sweden switzerland syria taiwan tajikistan
tanzania thailand togo tunisia turkey turkmenistan uganda ukraine united_arab_emirates
united_kingdom united_states uruguay uzbekistan venezuela vietnam yemen yugoslavia zambia zimbabwe
britain england scotland wales us usa uk america
";

/// Countries' people, regions, US states and large cities, and with
/// [`COUNTRIES`] the countries: a capitalized segment that is one of these
/// is a place, not a speaker's name.
const PLACES: &str = "
britain england scotland wales us usa uk america europe asia africa latin_america middle_east
gaza west_bank kurdistan chechnya tibet hong_kong macau puerto_rico greenland
afghan albanian algerian american angolan argentine argentinian armenian australian austrian
bangladeshi belgian bolivian bosnian brazilian british bulgarian burmese cambodian canadian
chilean chinese colombian congolese croatian cuban cypriot czech danish dutch ecuadorean ecuadorian
egyptian english eritrean estonian ethiopian european filipino finnish french georgian german
ghanaian greek guatemalan haitian honduran hungarian indian indonesian iranian iraqi irish
israeli italian jamaican japanese jordanian kazakh kenyan korean kosovar kurdish kuwaiti
lebanese liberian libyan lithuanian malaysian mexican moroccan mozambican nepalese nigerian
norwegian pakistani palestinian panamanian peruvian polish portuguese romanian russian rwandan
saudi scottish senegalese serbian singaporean slovak slovenian somali spanish sudanese swedish
swiss syrian taiwanese thai tunisian turkish ugandan ukrainian uruguayan uzbek venezuelan
vietnamese welsh yemeni yugoslav zambian zimbabwean arab arabs asian african western eastern
alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho
illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
mississippi missouri montana nebraska nevada new_hampshire new_jersey new_mexico new_york
north_carolina north_dakota ohio oklahoma oregon pennsylvania rhode_island south_carolina
south_dakota tennessee texas utah vermont virginia washington west_virginia wisconsin wyoming
london paris berlin moscow beijing tokyo washington new_york_city los_angeles chicago boston
rome madrid lisbon athens ankara istanbul cairo baghdad tehran damascus beirut jerusalem
tel_aviv amman riyadh kabul islamabad karachi delhi new_delhi bombay mumbai calcutta dhaka
bangkok hanoi jakarta manila seoul taipei hong_kong singapore kuala_lumpur sydney melbourne
canberra ottawa toronto montreal mexico_city havana bogota lima caracas brasilia buenos_aires
santiago sao_paulo rio_de_janeiro johannesburg pretoria nairobi lagos kinshasa dakar algiers
tunis tripoli khartoum addis_ababa kigali geneva brussels vienna warsaw prague budapest
bucharest belgrade sarajevo zagreb sofia kiev minsk stockholm oslo copenhagen helsinki dublin
amsterdam the_hague porto halifax ramallah gaza_city phnom_penh vientiane rangoon dili
";

/// Common given names that tell a man (English and international).
const MALE_NAMES: &str = "
aaron irving sterling abdul abdullah abel adam adrian ahmad ahmed alan albert alberto alejandro alex alexander
alexei alfred ali allen alvaro amir  andre andrea andreas andrew andrei angelo anthony antonio
ari ariel arnold arthur augusto avi barry ben benjamin  bernard bill billy bob bobby boris
brad brian bruce bryan  carl carlos cesar charles charlie  chris christian christopher
clarence claude craig dan daniel danny dave david dennis derek dick dmitri don donald doug douglas
duncan eddie edward eduardo edwin ehud emmanuel eric ernest ernesto evan  felipe fernando
fidel francis francisco francois frank franklin fred frederick  gary george gerald gerhard
giuseppe gordon greg gregory gus guy hafez hans harold harry hassan helmut henri henry herbert
hosni howard hugh hugo ian igor isaac ismail ivan jack jacques james jamie jan jason javier jean
jeff jeffrey jeremy jerry jesse jim jimmy joe joel johan john johnny jon jonathan jorge jose
joseph juan julian julio justin karl keith ken kenneth kevin   kim klaus kofi kurt
 larry lawrence lee leon leonid les lewis lloyd louis luc luciano luis luiz malcolm
manuel marc marco mario mark martin matt matthew maurice max michael miguel mikhail mike
mohamed mohammad mohammed moammar muhammad  nathan neil nelson nicholas nick nicolas nikolai
norman oleg oliver omar oscar pablo paolo pat patrick paul pedro pervez peter philip phil
pierre rafael ralph ramon randy ray raymond rex ricardo richard rick robert roberto robin rod
roger roland ron ronald ross roy russell ryan saddam  salvador sam samuel scott sean
sebastian sergei sergey shimon  simon stanley stefan stephen steve steven stuart ted
terry thomas tim timothy todd tom tommy tony trent victor viktor vic vincent vladimir walter
warren wayne william willie yasser yevgeny yitzhak yuri zbigniew boutros slobodan radovan
ratko jiang zhu tariq nawaz hun norodom lionel
darren fabio henrique desmond vicente edgardo lucio mesut suleyman mahmud mahmoud eugene
glenn gregg claudio umar josh majid barack rhys kanye amadou markus mustafa yaakov manolo luca
adel huseyin gerardo tobias seth imad gamal benoit eliot hakeem zalmay slavko alastair georg
sergio goran floyd valentin michel ralf timur ulf lasse thabo mitt jeb newt bernie joaquin
kareem khalid jamal tyrone dwayne darnell jermaine travis kyle cody brandon tyler dustin
derrick marcus jared chad brett shane blake logan ethan liam aiden elijah caleb isaiah
jeremiah ezekiel zachary nathaniel dominic damian gavin colin conor connor declan brendan
kieran ronan hamid rashid yusuf ibrahim khalil nabil walid ziad karim rahul sanjay vijay
arjun amit anil sunil narendra manmohan shinzo recep bashar muammar binyamin benny avigdor
naftali yair ahmet mehmet kemal jens lars sven henrik nils jurgen wolfgang dieter olaf
friedrich heinrich matteo giorgio silvio romano enrico gianni francesco alessandro stefano
raul enrique alfonso ignacio rodrigo diego andres mauricio jair dylan
";

/// Common given names that tell a woman (English and international).
const FEMALE_NAMES: &str = "
abigail ada agnes alice alicia alison amanda amy ana andrea angela ann anna anne annie barbara
beatrice betty beverly brenda carla carmen carol caroline carolyn catherine cathy charlotte
cheryl christina christine claire claudia connie cynthia dana daniela deborah debra denise diana
diane dianne donna doris dorothy edith eileen elaine eleanor elena elizabeth ellen emily emma
erica evelyn frances gail gloria grace hannah harriet heather helen hillary holly indira irene
jackie jacqueline jane janet janice jean jennifer jessica jill joan joanne jo josephine joyce
judith judy julia julie karen kate katherine kathleen kathy kelly kim laura lauren linda lisa
lois lori louise lucy lynn madeleine margaret maria marian marie marilyn marina marsha martha
mary maureen megan melanie melissa michelle monica nadia nancy natalia natasha nicole nina
olga pamela patricia patty paula peggy rachel  rebecca rita roberta rosa rose ruth sally
sandra sara sarah sharon shirley  sonia sophie stephanie susan suzanne sylvia tamara
teresa theresa tina valerie vera veronica victoria virginia wendy yolanda yvonne zoe benazir
 megawati aung madeleine olympia corazon gloria  
krystle ilsa pippa vikki carlie lacey marija rebekah kellyanne maggie desiree alyssa
geraldine beate laurie jacintha leona kelli rahel yasuko melania ivanka oprah beyonce britney
khloe kourtney kylie caitlyn chelsea malia condoleezza nikki kamala debbie tammy kristen
kirsten kristin brittany ashley tiffany jenna jenny katie kayla kelsey natalie olivia sophia
isabella chloe abby hayley haley courtney erin danielle gabrielle jasmine vanessa whitney
stacy stacey tracy tracey wanda janelle latoya keisha yvette marisol lucia sofia valentina
camila gabriela ingrid greta anja ulrike bettina yulia svetlana irina tatiana oksana
ludmila aisha fatima leila layla malala priya amelia
";

/// Family names of China, Korea and Vietnam, which news writes before the
/// given name ("Zhang Xiong" is Mr Zhang).
const EAST_ASIAN_FAMILY_NAMES: &str = "
zhang wang li liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao zheng liang
xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei
su lu ding ren shen yao jin qin qian xiong meng hao kong bai cui kang mao qiu qiao fan fu gu
hou lei long shi tan tao wan wen xia xiang yan yin zou zhong jia duan lai kim lee park choi
jung kang cho yoon jang lim nguyen tran pham hoang vu vo dang bui ngo duong ly hun chiang
";

fn set(words: &'static str) -> FxHashSet<String> {
    words
        .split_whitespace()
        .map(|w| w.replace('_', " "))
        .collect()
}

struct Lists {
    speech_verbs: FxHashSet<String>,
    between: FxHashSet<String>,
    titles: FxHashSet<String>,
    male_titles: FxHashSet<String>,
    female_titles: FxHashSet<String>,
    role_nouns: FxHashSet<String>,
    male_nouns: FxHashSet<String>,
    female_nouns: FxHashSet<String>,
    organization_heads: FxHashSet<String>,
    places: FxHashSet<String>,
    countries: FxHashSet<String>,
    male_names: FxHashSet<String>,
    female_names: FxHashSet<String>,
    family_first: FxHashSet<String>,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| Lists {
    speech_verbs: set(SPEECH_VERBS),
    between: set(BETWEEN_SUBJECT_AND_VERB),
    titles: set(TITLES),
    male_titles: set(MALE_TITLES),
    female_titles: set(FEMALE_TITLES),
    role_nouns: set(ROLE_NOUNS),
    male_nouns: set(MALE_NOUNS),
    female_nouns: set(FEMALE_NOUNS),
    organization_heads: set(ORGANIZATION_HEADS),
    places: set(PLACES),
    countries: set(COUNTRIES),
    male_names: set(MALE_NAMES),
    female_names: set(FEMALE_NAMES),
    family_first: set(EAST_ASIAN_FAMILY_NAMES),
});

/// Whether a lowercase word is a verb of saying.
pub(crate) fn is_speech_verb(key: &str) -> bool {
    LISTS.speech_verbs.contains(key)
}

/// Whether a lowercase word may stand between a subject and its verb.
pub(crate) fn may_stand_before_verb(key: &str) -> bool {
    LISTS.between.contains(key)
}

/// Whether a lowercase word (periods removed) is a title or honorific.
pub(crate) fn is_title(key: &str) -> bool {
    LISTS.titles.contains(key)
}

/// Whether a lowercase word names a person by role ("spokesman").
pub(crate) fn is_role_noun(key: &str) -> bool {
    LISTS.role_nouns.contains(key)
}

/// Whether a lowercase word heads an institution's name ("ministry").
pub(crate) fn is_organization_head(key: &str) -> bool {
    LISTS.organization_heads.contains(key)
}

/// Whether lowercase words joined by spaces name a place or a people.
pub(crate) fn is_place(key: &str) -> bool {
    LISTS.places.contains(key) || LISTS.countries.contains(key)
}

/// Whether lowercase words joined by spaces name a country.
pub(crate) fn is_country(key: &str) -> bool {
    LISTS.countries.contains(key)
}

/// Whether a lowercase word is a family name written first.
pub(crate) fn is_family_name_first(key: &str) -> bool {
    LISTS.family_first.contains(key)
}

/// Whether a lowercase word is a common given name.
pub(crate) fn is_given_name(key: &str) -> bool {
    LISTS.male_names.contains(key) || LISTS.female_names.contains(key)
}

/// Grammatical gender, as pronouns tell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// He, him, his.
    Male,
    /// She, her.
    Female,
}

/// The gender a title, role noun or given name tells, if any.
pub(crate) fn gender_of_word(key: &str) -> Option<Gender> {
    let l = &*LISTS;
    let male = l.male_titles.contains(key) || l.male_nouns.contains(key);
    let female = l.female_titles.contains(key) || l.female_nouns.contains(key);
    match (male, female) {
        (true, false) => Some(Gender::Male),
        (false, true) => Some(Gender::Female),
        _ => None,
    }
}

/// The gender a given name tells, if it is common and not shared.
pub(crate) fn gender_of_given_name(key: &str) -> Option<Gender> {
    let l = &*LISTS;
    match (l.male_names.contains(key), l.female_names.contains(key)) {
        (true, false) => Some(Gender::Male),
        (false, true) => Some(Gender::Female),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_answer_lowercase_keys() {
        assert!(is_speech_verb("said"));
        assert!(!is_speech_verb("went"));
        assert!(is_title("gen"));
        assert!(is_place("sao paulo"));
        assert!(is_place("pakistani"));
        assert!(is_family_name_first("zhang"));
        assert_eq!(gender_of_word("ms"), Some(Gender::Female));
        assert_eq!(gender_of_word("spokesman"), Some(Gender::Male));
        assert_eq!(gender_of_given_name("ann"), Some(Gender::Female));
        assert_eq!(gender_of_given_name("jean"), None, "shared by both");
        assert!(is_role_noun("official"));
        assert!(is_organization_head("ministry"));
    }
}
