// long-file: the shipped screening rules are one list an operator reads top to bottom; split, it hides which rule wins.
/**
 * The shipped defaults of the `safety` settings section (SPEC §15). Operators tune them in the control
 * center; these are where a fresh install starts.
 *
 * A rule is a JavaScript regular expression matched against one normalised form of a message
 * (shared/safety/normalise.ts): `words` (lower case, digits inside words read as letters, punctuation
 * as spaces, every letter written once: "matiii" → "mati", "whatsapp" → "whatsap") or `text` (lower
 * case, punctuation and letters as written, phone numbers written in blocks joined). Words-form rules
 * are therefore written with no doubled letter. The first rule of a category that matches names the
 * alert; order matters only for which id is recorded.
 */

/**
 * Someone or something else that "dies": a phone's battery, a lamp, a pet, a game character, a
 * grandfather in hospital. The sign is the writer wanting to die, not news of another's death.
 */
const NOT_A_PERSON = String.raw`(?<!\b(?:hp|hape|handphone|baterai|batre|batrei|batere|lampu|motor|mesin|listrik|laptop|leptop|tanaman|pohon|bunga|ikan|kucing|anjing|ayam|tv|wifi|sinyal|mobil|komputer|pc|kompor|aki|ac|kipas|jam|senter|powerbank|charger|cas|game|karakter|hero|lilin|api|rokok|server|aplikasi|apk|dia|doi|mereka|kakek|nenek|ayah|ibu|bapak|mama|papa|om|tante|pasien|temen|teman|orang|org|tetanga|kakak|adik|adek|suami|istri|pacar|mantan|anak|bayi)(?:nya|ku|mu)?(?: (?:aku|ku|gue|gw|saya|kamu|lo|lu|kita))?(?: (?:udah|udh|sudah|lagi|lg|hampir|mulai|kayaknya|katanya))? )`;
/** "ga mau mati", "belum mau mati": not wanting to die is not the sign. */
const NOT_NEGATED = String.raw`(?<!\b(?:ga|gak|ngak|engak|tidak|tdk|gk|g|belum|blm|blom|jangan|jgn|tak|ogah|engan|takut) )`;
/** "ngakak sampe mau mati": laughing "to death" is a joke, being sad "to death" is not. */
const NOT_LAUGHING = String.raw`(?<!\b(?:ngakak|ketawa|tertawa|ngetawain|lucu|kocak|ngekek|geli|(?:wk)+|(?:ha)+|(?:he)+|(?:hi)+)(?: \w+)? (?:sampe|sampai|ampe|smp|sampek) )`;
/** "mati lampu", "mati gaya", "mati ketawa": idioms, not death. */
const NOT_AN_IDIOM = String.raw`(?! (?:lampu|gaya|kutu|ketawa|penasaran|rasa|listrik|suri|kaku|konyol|kelaparan|kehausan|kedinginan|kepanasan|kebosanan|bosan|bosen|iri|gila|angin|mesin|total|langkah)\b)`;
const DIE = String.raw`(?:mati|mokat|modar|mampus|meningal|koit|koid|wafat|matek|die)`;
const ME = String.raw`(?:aku|ku|gue|gw|saya|aq|diriku)`;
const NOT = String.raw`(?:ga|gak|ngak|engak|tidak|tdk|gk|tak|nda|ndak)`;
const LIFE = String.raw`(?:hidup|idup|hdp)`;
/** Where someone lives, how or with whom: "ga mau hidup miskin", "ga tahan hidup sama mertua". */
const NOT_A_WAY_OF_LIVING = String.raw`(?! (?:tanpa|miskin|susah|sengsara|kekurangan|boros|mewah|hemat|sehat|sendirian|sendiri|di|bareng|sama|dengan|dgn|serumah|jauh|deket|dekat|bergantung|ngekos|ngontrak|kayak|kek|seperti|begini))`;
const PLATFORM = String.raw`(?:wa|w a|i g|whatsap|watsap|wasap|ig|insta|instagram|tele|telegram|tg|line|fb|facebok|mesenger|tiktok|twiter|snapchat|discord|email|imel|gmail)`;
/** Narrative ("dia dm aku di ig", "aku lagi chat di wa"): the verb before is someone's past, not an invitation. */
const NOT_NARRATED = String.raw`(?<!\b(?:dia|doi|mereka|lagi|lg|sering|suka|pernah|udah|sudah|udh|tadi|terus|trus|masih|sempet|sempat|yang|yg|dan|abis|habis|baru) )`;
/** Groups and feds of a platform are places people talk about, not a way to reach them. */
const NOT_A_FEED = String.raw`(?! (?:grup|group|grub|kantor|keluarga|kelas|sekolah|story|status|sw|stori|rels|fed|live|fyp))`;

export type SafetyCategory = 'self_harm' | 'contact_info';
export interface SafetyRule {
  id: string;
  category: SafetyCategory;
  form: 'words' | 'text';
  pattern: string;
}

const selfHarm = (id: string, pattern: string): SafetyRule => ({ id, category: 'self_harm', form: 'words', pattern });
const contact = (id: string, form: 'words' | 'text', pattern: string): SafetyRule => ({
  id,
  category: 'contact_info',
  form,
  pattern,
});

export const DEFAULT_SAFETY_RULES: SafetyRule[] = [
  selfHarm(
    'self_harm.bunuh_diri',
    String.raw`\b(?:mem|me|nge|ng)?(?:bunuh|bunh|bnuh|bnh|bunu|bunoh|bnoh|bunuhin) ?(?:diri|dri)(?:ku|mu|nya|sendiri| sendiri)?\b|\bbundir\b`,
  ),
  selfHarm(
    'self_harm.english',
    String.raw`\b(?:suicide|suicidal|sucide|suicid|kil ?(?:my ?self|meself|myslf)|end(?:ing)? (?:my|it) (?:life|al)|(?:want|wana|gona|going|ready) (?:to )?die\b(?! (?:laughing|of))|self ?harm|beter of dead|don ?t want to live|dont want to live|cut(?:ing|s)? my ?self|hang my ?self)\b`,
  ),
  selfHarm(
    'self_harm.ingin_mati',
    String.raw`${NOT_A_PERSON}${NOT_NEGATED}${NOT_LAUGHING}\b(?:pengen|pingin|pgn|pengin|pgen|ingin|igin|mau|mo|kepengen|kpgn|pen|siap)(?: (?:aja|rasanya|banget|bgt|sekali|skali|cepet|cepat|segera|udah|udh|sudah))* ${DIE}\b${NOT_AN_IDIOM}`,
  ),
  selfHarm(
    'self_harm.mending_mati',
    String.raw`\b(?:mending|mendingan|lebih baik|lbh baik|lebih baek|lbh baek|biar)(?: ${ME})? (?:mati|mokat|modar|mampus|meningal|koit|matek)\b${NOT_AN_IDIOM}|\b(?:mending|mendingan|lebih baik|lbh baik|biar)(?: ${ME})? (?:${NOT}|ga usah|gak usah|ngak usah|tidak usah|ga perlu|gak perlu) (?:${LIFE}|lahir|dilahirkan)\b|\b(?:mending|mendingan|lebih baik|lbh baik)(?: ${ME})? ${NOT} ada(?: (?:aja|lagi|lg|di dunia))?$`,
  ),
  selfHarm(
    'self_harm.mati_aja',
    String.raw`${NOT_A_PERSON}\b${ME}(?: (?:udah|udh|sudah|emang|mending|ya|tuh|ini|${NOT}))* (?:mati|mampus|modar|matek) (?:aja|ajah|aj|sj|saja|ajalah|deh|lah)\b|\b(?:mau|pengen|ingin|pingin|pgn) nyusul (?:almarhum|almarhumah|alm|mendiang|(?:ayah|ibu|bapak|mama|papa|mamah|papah|kakek|nenek|suami|istri|anak)(?:ku)?(?: (?:ke surga|ke alam sana|di surga|di atas sana)| aja\b(?! ke)))`,
  ),
  selfHarm(
    'self_harm.tak_ingin_hidup',
    String.raw`\b${NOT}(?: (?:lagi|lg|pernah))? (?:mau|pengen|pingin|ingin|kepengen|pgn|pen)(?: (?:lagi|lg))? ${LIFE}\b${NOT_A_WAY_OF_LIVING}`,
  ),
  selfHarm(
    'self_harm.lelah_hidup',
    String.raw`\b(?:capek|cape|capai|lelah|muak|bosan|bosen|jenuh|males|malas|benci|nyerah|menyerah)(?: (?:banget|bgt|sama|dengan|dgn|ama|sm|jalanin|menjalani|ngejalanin|sekali|skali|aku|ku))* ${LIFE}(?:ku| ini| aku)?\b(?! (?:sehat|hemat|di kota|di jakarta|ngekos|ngontrak|sendirian|sendiri))`,
  ),
  selfHarm(
    'self_harm.tak_kuat_hidup',
    String.raw`\b${NOT}(?: (?:lagi|lg))? (?:kuat|sangup|tahan|betah)(?: (?:lagi|lg|aku|gue|buat|untuk))* (?:${LIFE}|jalanin ${LIFE}|ngejalanin ${LIFE}|menjalani ${LIFE})\b(?! (?:tanpa|sendiri|sendirian|di|bareng|sama|dengan|dgn|serumah|jauh))`,
  ),
  selfHarm(
    'self_harm.akhiri_hidup',
    String.raw`\b(?:meng|ng)?akhir(?:i|in|kan)(?: (?:aja|saja|aj))? (?:${LIFE}|nyawa)(?:ku| ku| aku| gue| saya)?\b`,
  ),
  selfHarm(
    'self_harm.melukai_diri',
    String.raw`\b(?:nyilet|nyiletin|menyilet|silet|sayat|nyayat|menyayat|sayatin|iris|ngiris|mengiris|irisin|gores|ngegores|mengores|goresin|lukai|ngelukai|melukai|lukain|sakitin|nyakitin|menyakiti|potong|motong)(?: (?:aja|lagi|lg))? (?:tangan|nadi|lengan|pergelangan|paha|kulit|diri|badan|tubuh)(?:ku| ku| aku| gue| saya| sendiri|nya sendiri)?\b|\b(?:nyilet|nyiletin|menyilet)\b(?! (?:kertas|stiker|sticker|kardus|plastik|kain|kabel|bungkus|paket|selotip|lakban))|\b(?:bekas|luka) (?:sayatan|silet|siletan|goresan)\b(?! (?:operasi|oprasi|caesar|sesar|pisau dapur))|\bsayatan(?:nya)? (?:di )?(?:tangan|lengan|paha|nadi|pergelangan)`,
  ),
  selfHarm(
    'self_harm.gantung_diri',
    String.raw`\b(?:gantung|gantungin|mengantung|mengantung|ngegantung|ngantung) ?(?:diri|dri|leher)(?:ku| sendiri)?\b`,
  ),
  selfHarm(
    'self_harm.racun',
    String.raw`\b(?:minum|nelen|menelan|neguk|meneguk|tengak|nengak|menengak|telan|makan|minumin)(?: (?:aja|saja|sebotol|segelas|semua))? (?:racun|baygon|obat nyamuk|pembasmi seranga|pestisida|insektisida|cairan pembersih|karbol|wipol|porstex|pemutih|bayclin|sianida|potas|obat (?:sebanyak|sekaligus|sebotol|sebungkus|sekotak|semuanya)|semua obat|sebotol obat|sekotak obat)\b|\boverdosis\b(?! (?:kopi|kafein|gula|micin|cinta|bucin|drakor|nonton|game|gorengan|boba|kerja|tugas|kangen|rindu))|\bod (?:obat|pil)\b`,
  ),
  selfHarm(
    'self_harm.loncat',
    String.raw`\b(?:loncat|lompat|terjun|melompat|meloncat|jatuhin diri|jatuhkan diri|menjatuhkan diri|lompatin diri)(?: (?:aja|saja|dari|dr|ke|di|bawah))* (?:gedung|jembatan|lantai (?:atas|tingi|paling atas|\d+)|atap|roftop|tebing|jurang|rel|flyover|apartemen|menara|tower|balkon|ketingian)\b|\b(?:nabrakin|tabrakin|menabrakan|ngelempar|melempar|lempar|ceburin|nyeburin|menceburkan) diri\b`,
  ),
  selfHarm(
    'self_harm.hidup_tak_berarti',
    String.raw`\b${LIFE}(?:ku| aku| gue| gw| saya)?(?: (?:ini|udah|udh|sudah|emang|memang|tuh|tu|rasanya))* ${NOT} (?:ada )?(?:artinya|arti|gunanya|guna|berarti|berharga|ada harapan|bermakna|maknanya)\b|\b${NOT} ada (?:gunanya|artinya|alasan|harapan)(?: (?:buat|untuk|aku|gue|saya|lagi|lg))* ${LIFE}\b${NOT_A_WAY_OF_LIVING}`,
  ),
  selfHarm(
    'self_harm.tidur_selamanya',
    String.raw`\btidur (?:dan |terus |trus |lalu |aja )?${NOT} ?(?:usah |perlu |pernah )?bangun (?:lagi|lg|selamanya)\b|\btidur (?:untuk )?selamanya\b|\b(?:pengen|ingin|mau|pingin|pgn) (?:menghilang|hilang|ngilang|lenyap|pergi)(?: aja| saja)? (?:selamanya|dari dunia|untuk selamanya)\b|\b(?:pengen|ingin|mau|pingin|pgn) (?:meng|ng)?akhir(?:i|in) (?:semuanya|semua ini|segalanya)(?: aja| saja)?(?! (?:sama|dengan|dgn|ama|hubungan|kerjasama))\b`,
  ),
  selfHarm(
    'self_harm.tanpa_aku',
    String.raw`\b(?:lebih baik|lebih bahagia|lebih tenang|lebih senang|lebih seneng|baik baik aja|bahagia) tanpa ${ME}\b|\b${NOT} ada yang (?:peduli|nyarin|sedih|kehilangan|nangis)(?: juga)? (?:kalo|kalau|klo|kl|jika) ${ME} (?:mati|${NOT} ada|pergi|hilang|meningal)\b|\b(?:kalo|kalau|klo|kl|jika) ${ME} (?:mati|meningal|${NOT} ada)(?: (?:juga|pun|nanti|pasti|kayaknya|palingan|paling))* ${NOT} (?:akan )?ada yang (?:peduli|nyarin|sedih|kehilangan|nangis)\b|\b${ME} (?:udah |sudah |udh |lagi |mau )?(?:nulis|menulis|bikin|siapin|nyiapin|tulis) surat (?:wasiat|perpisahan terakhir)\b`,
  ),
  selfHarm(
    'self_harm.ketabrak',
    String.raw`\b(?:pengen|pingin|pgn|ingin|mau|semoga|moga|biar)(?: (?:aja|${ME}))* (?:ketabrak|ditabrak|tertabrak|kelindes|dilindes)\b`,
  ),

  contact(
    'contact_info.phone_id',
    'text',
    String.raw`(?<![\d+])(?:\+62|62|0)8[1-9]\d{7,10}(?!\d)|(?<!\d)\+62 ?8[1-9]\d{7,10}(?!\d)`,
  ),
  contact(
    'contact_info.phone_spelled',
    'words',
    String.raw`\b(?:nol|kosong) ?delapan(?: ?(?:nol|kosong|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)){7,}\b`,
  ),
  contact(
    'contact_info.email',
    'text',
    String.raw`(?<![a-z0-9._%+-])[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}|(?<![a-z0-9._+-])[a-z0-9._+-]{3,} ?(?:[([{]at[)\]}]|\bat\b|\bet\b) ?(?:gmail|yahoo|ymail|hotmail|outlook|icloud|live|protonmail|proton|rocketmail)\b`,
  ),
  contact(
    'contact_info.link',
    'text',
    String.raw`\b(?:https?://|www\.)\S+|\b(?:wa\.me|t\.me|line\.me|ig\.me|m\.me|bit\.ly|s\.id|linktr\.ee|tinyurl\.com|telegram\.me|discord\.gg|chat\.whatsapp\.com)/\S*|\b[a-z0-9][a-z0-9-]*\.(?:com|net|org|co\.id|my\.id|web\.id|biz\.id|id|me|io|ly|gg|link|site|xyz|app|dev|info|online|store|shop)(?:/\S*)?(?![a-z0-9])`,
  ),
  contact('contact_info.handle', 'text', String.raw`(?<![a-z0-9._%+-])@[a-z_][a-z0-9_.]{2,29}`),
  contact(
    'contact_info.platform_id',
    'text',
    String.raw`\b(?:ig|insta|instagram|tele|telegram|tg|line|id line|line id|wa|whatsapp|fb|facebook|tiktok|twitter|snapchat|discord|email|e-mail|surel|username|uname|usn)(?: (?:aku|ku|gue|gw|saya))? ?[:=] ?@?[a-z0-9_.]{3,}`,
  ),
  contact(
    'contact_info.move_platform',
    'words',
    String.raw`${NOT_NARRATED}\b(?:pindah|lanjut|lanjutin|ngobrol|chat|cet|chatan|dm|d m|pm|japri|ad|folow|telpon|telepon|tlp|telp|vc|videocal|cal|hubungi|kontak|contact|kabarin|kabari|kontek|hubungin|sms|text)(?: (?:aku|ku|saya|gue|gw|kamu|aja|yuk|yu|ya|kita|nanti|nti|ntar|besok|lagi|lg|langsung|dong|sini|sama aku|ama aku|sm aku))* (?:di|ke|lewat|via|lwt|pake|pakai|pk) (?:${PLATFORM}|nomor(?:ku| ku| aku| pribadi)|no (?:hp|wa))\b${NOT_A_FEED}`,
  ),
  contact(
    'contact_info.ask_contact',
    'words',
    String.raw`\b(?:folow|fol|difolow|folback|ad|invite|inv|cek|check|mampir|stalk|kepoin|save|simpan|sv|catat|kirim|kirimin|kasih|minta|bagi|share|boleh tau|tau)(?: (?:aja|yuk|ya|dong|dulu|juga|balik|ke|di|akun))* (?:${PLATFORM}|kontak|nomor|nomer|nmr|no)(?: ?(?:ku|aku|saya|gue|gw|mu|kamu|km|kmu|lo|lu|pribadi|hp|wa|telpon|telepon|tlp))+\b`,
  ),
  contact(
    'contact_info.number_asked',
    'words',
    String.raw`\b(?:nomor|nomer|nmr|no) (?:hp|wa|whatsap|telpon|telepon|tlp|telp|kontak)(?: (?:kamu|mu|km|kmu|lo|lu|aku|ku|saya|gue|gw))? (?:berapa|brp|apa|dong|ya|ini|nih|adalah)\b`,
  ),
  contact(
    'contact_info.platform_mine',
    'words',
    String.raw`(?<!\b(?:bales|balas|baca|read|blokir|blok|block|hapus|apus|hack|retas|sadap|liat|lihat|ngeliat|ngecek|dicek|di|ke) )\b(?:wa|w a|whatsap|ig|insta|instagram|line|tele|telegram|tiktok|twiter|snapchat|discord|email|imel) ?(?:ku|aku|saya|gue|gw)\b(?= (?:ya|yah|ini|nih|dong|aja|ajah|adalah|tuh)\b(?! ampun| alah| tuhan)|$)`,
  ),
  contact(
    'contact_info.platform_handle',
    'words',
    String.raw`\b(?:id|username|uname|usn|user name) (?:line|ig|insta|instagram|tele|telegram|tiktok|twiter|discord|fb|wa|whatsap)\b|\b(?:line|ig|tele|telegram) id\b|\bjapri\b|\b(?:tukeran|tukar|tuker|tukaran) (?:nomor|nomer|no|kontak|${PLATFORM})\b`,
  ),
];

export interface CrisisHotline {
  name: string;
  phone?: string;
  extension?: string;
  url?: string;
  hours?: string;
  description?: string;
}

/**
 * What a customer in crisis is shown. Operator-configurable (settings section `safety`): check each line
 * is still in service before launch. Sources: Kemenkes' mental-health line (119, extension 8) and
 * healing119.id; 112 is the national emergency number.
 */
export const DEFAULT_CRISIS_RESOURCES = {
  message:
    'Kamu tidak sendirian. Kalau kamu sedang berpikir untuk menyakiti diri sendiri, hubungi salah satu layanan ini sekarang: mereka siap mendengarkan.',
  hotlines: [
    {
      name: 'Layanan Kesehatan Jiwa Kemenkes (SEJIWA)',
      phone: '119',
      extension: '8',
      hours: '24 jam',
      description: 'Konseling kesehatan jiwa dari Kementerian Kesehatan, gratis.',
    },
    {
      name: 'Healing119.id',
      url: 'https://healing119.id',
      description: 'Dukungan psikologis awal dari konselor Kemenkes, anonim dan gratis.',
    },
    { name: 'Nomor darurat', phone: '112', hours: '24 jam', description: 'Jika kamu dalam bahaya saat ini juga.' },
  ] as CrisisHotline[],
};

/** What the listener is told in their own view of the session (mitras/{m}/sessions/{id}). */
export const DEFAULT_SAFETY_NOTICE =
  'Pesan customer ini menunjukkan tanda krisis. Dengarkan dengan tenang, jangan menghakimi, dan ajak dia menghubungi layanan bantuan yang tampil di aplikasinya. Tim kami sudah diberi tahu.';
