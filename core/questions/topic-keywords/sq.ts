import type { TopicKeywords } from './topic-keywords.ts';

/** Albanian. */
export const SQ: TopicKeywords = {
  'violence and abuse': [
    'dhuna', 'dhunë', 'dhunës', 'abuzim', 'abuzimi', 'abuzuar', 'neglizhim', 'neglizhimi', 'keqtrajtim', 'keqtrajtimi', 'keqtrajtuar',
    'dhuna në familje', 'dhunë në familje', 'abuzim seksual', 'ngacmim', 'ngacmimi', 'bullizëm', 'bullizmi', 'ndëshkim fizik',
    'ndëshkimi fizik', 'përdhunim', 'përdhunimi', 'martesa e hershme', 'martesë e hershme', 'martesat e hershme',
  ],
  'trafficking and exploitation': [
    'trafikim', 'trafikimi', 'trafikimit', 'trafikuar', 'trafikantët', 'shfrytëzim', 'shfrytëzimi', 'shfrytëzimit', 'shfrytëzuar',
    'lypje', 'lypja', 'puna e fëmijëve', 'punë e detyruar', 'puna e detyruar', 'prostitucion', 'prostitucioni', 'martesë e detyruar',
    'shfrytëzim seksual', 'shfrytëzimi ekonomik',
  ],
  'children on the move': [
    'migrant', 'migrantë', 'migrantët', 'migrim', 'migrimi', 'emigrim', 'refugjat', 'refugjatë', 'refugjatët', 'azil', 'azilit',
    'azilkërkues', 'azilkërkuesit', 'të pashoqëruar', 'i pashoqëruar', 'e pashoqëruar', 'kontrabandim', 'kufi=', 'kufiri', 'kufirit',
    'riatdhesim', 'të kthyer', 'pa shtetësi', 'fëmijët në lëvizje', 'fëmijë në lëvizje',
  ],
  'alternative care': [
    'kujdes alternativ', 'kujdesi alternativ', 'kujdestari', 'kujdestaria', 'kujdestar', 'familje kujdestare', 'familja kujdestare',
    'familjet kujdestare', 'birësim', 'birësimi', 'birësuar', 'jetimore', 'jetimorja', 'institucion rezidencial', 'shtëpia e fëmijës',
    'shtëpi fëmijësh', 'deinstitucionalizim', 'deinstitucionalizimi', 'strehim', 'strehimi', 'qendra rezidenciale',
  ],
  'juvenile justice': [
    'drejtësia për të miturit', 'drejtësi për të mitur', 'drejtësia penale për të mitur', 'të mitur', 'të miturit', 'i mitur',
    'në konflikt me ligjin', 'përgjegjësi penale', 'përgjegjësia penale', 'paraburgim', 'paraburgimi', 'burg', 'burgu', 'masa alternative',
    'gjykata', 'gjykatës', 'gjykatë', 'gjyqtar', 'prokuroria', 'prokuror', 'dëshmitar', 'dëshmitare', 'ndërmjetësim', 'riedukim',
    'probacion', 'probacioni', 'vepër penale', 'procedim penal',
  ],
  'online safety': [
    'dhunë në rrjetet sociale', 'ngacmim në internet',
    'internet', 'internetit', 'online', 'në internet', 'rrjetet sociale', 'rrjeteve sociale', 'mediat sociale', 'ngacmim kibernetik',
    'bullizëm kibernetik', 'dhunë online', 'dhuna online', 'siguria në internet', 'sigurinë në internet', 'pornografi',
    'lojëra video', 'tiktok', 'instagram', 'facebook', 'youtube', 'telefon i mençur',
  ],
  'child participation': [
    'pjesëmarrje', 'pjesëmarrja', 'pjesëmarrja e fëmijëve', 'pjesëmarrjen e fëmijëve', 'zëri i fëmijës', 'zërin e fëmijës',
    'mendimi i fëmijës', 'mendimin e fëmijës', 'këshilli i nxënësve', 'qeveria e nxënësve', 'parlamenti i fëmijëve', 'këshilli rinor',
    "e drejta për t'u dëgjuar", 'të dëgjohet',
  ],
  'family support': [
    'mbështetja e familjes', 'mbështetje për familjen', 'mbështetje familjare', 'familja', 'familje', 'familjes', 'familjen', 'prindër',
    'prindërit', 'prind', 'prindërim', 'prindërimi', 'varfëri', 'varfëria', 'ndihmë ekonomike', 'ndihma ekonomike', 'ndihma sociale',
    'prind i vetëm', 'nënë e vetme', 'divorc', 'divorci', 'këshillim familjar', 'ndërhyrje e hershme', 'shërbimi social',
  ],
  'disability': [
    'aftësi të kufizuara', 'aftësi të kufizuar', 'aftësia e kufizuar', 'aftësisë së kufizuar', 'me aftësi të kufizuara',
    'nevoja të veçanta', 'nevojave të veçanta', 'autizëm', 'autizmi', 'autizmin', 'adhd=', 'paralizë cerebrale', 'sindroma down',
    'sindromi down', 'vonesë në zhvillim', 'shurdh', 'i verbër', 'karrocë', 'rehabilitim', 'rehabilitimi',
  ],
  'education': [
    'shkolla', 'shkollë', 'shkollën', 'shkollës', 'shkollat', 'arsim', 'arsimi', 'arsimit', 'arsimor', 'mësues', 'mësuesi', 'mësuesja',
    'mësuesit', 'nxënës', 'nxënësi', 'nxënësit', 'braktisje e shkollës', 'braktisja e shkollës', 'braktisja', 'mungesa në shkollë',
    'arsim gjithëpërfshirës', 'arsimi gjithëpërfshirës', 'kopsht', 'kopshti', 'parashkollor', 'regjistrim',
  ],
  'health': [
    'shëndet', 'shëndeti', 'shëndetit', 'shëndetësia', 'shëndetësor', 'shëndetësore', 'shëndet mendor', 'shëndeti mendor', 'spital',
    'spitali', 'mjek', 'mjeku', 'mjekun', 'infermiere', 'pediatër', 'pediatri', 'vaksinim', 'vaksinimi', 'vaksina', 'ushqyerje',
    'kequshqyerje', 'sëmundje', 'sëmundja', 'depresion', 'ankth', 'vetëvrasje', 'vetëvrasja', 'vetëdëmtim', 'drogë', 'droga',
    'alkool', 'shtatzëni', 'shtatzënia', 'psikolog', 'psikologu', 'psikiatër', 'terapi', 'terapia',
  ],
};
