import type { TopicKeywords } from './topic-keywords.ts';

/** Romanian (also the Republic of Moldova). */
export const RO: TopicKeywords = {
  'violence and abuse': [
    'violență', 'violența', 'violenței', 'abuz', 'abuzul', 'abuzat', 'abuzată', 'abuzuri', 'neglijare', 'neglijarea', 'neglijență',
    'violență domestică', 'violență în familie', 'abuz sexual', 'bullying', 'hărțuire', 'pedeapsă corporală', 'pedepse corporale',
    'bătaie', 'bătut', 'viol', 'violul', 'căsătorie timpurie', 'căsătorii timpurii', 'rele tratamente',
  ],
  'trafficking and exploitation': [
    'trafic de persoane', 'traficul de persoane', 'trafic de copii', 'traficul de copii', 'traficanți', 'traficată', 'traficat',
    'exploatare', 'exploatarea', 'exploatat', 'exploatați', 'munca copiilor', 'muncă forțată', 'munca forțată', 'cerșetorie',
    'cerșit', 'prostituție', 'căsătorie forțată', 'exploatare sexuală', 'exploatare prin muncă',
  ],
  'children on the move': [
    'migrant', 'migranți', 'migranții', 'migrație', 'migrația', 'migrației', 'refugiat', 'refugiați', 'refugiații', 'azil', 'azilul',
    'solicitanți de azil', 'solicitant de azil', 'neînsoțiți', 'neînsoțit', 'neînsoțită', 'trafic de migranți', 'frontieră',
    'frontiera', 'apatrid', 'apatrizi', 'copii în mișcare', 'copii rămași acasă', 'părinți plecați',
  ],
  'alternative care': [
    'asistent maternal', 'asistentul maternal', 'asistență maternală', 'plasament', 'plasamentul', 'plasament familial',
    'centru de plasament', 'adopție', 'adopția', 'adopției', 'adoptat', 'tutelă', 'tutela', 'instituționalizare',
    'dezinstituționalizare', 'casă de tip familial', 'case de tip familial', 'îngrijire alternativă', 'protecție specială',
    'măsură de protecție', 'serviciu rezidențial',
  ],
  'juvenile justice': [
    'justiție juvenilă', 'justiția juvenilă', 'minori în conflict cu legea', 'minor în conflict cu legea', 'delincvență juvenilă',
    'răspundere penală', 'răspunderea penală', 'arest preventiv', 'detenție', 'centru de detenție', 'centru educativ', 'probațiune',
    'serviciul de probațiune', 'instanță', 'instanța', 'tribunal', 'tribunalul', 'judecător', 'procuror', 'parchet', 'martor',
    'audiere', 'audierea', 'justiție prietenoasă copiilor', 'infracțiune', 'faptă penală', 'măsuri educative',
  ],
  'online safety': [
    'violență online', 'hărțuire pe internet', 'bullying online',
    'internet', 'internetul', 'pe internet', 'online', 'rețele sociale', 'rețelele sociale', 'rețelele de socializare',
    'cyberbullying', 'hărțuire online', 'agresiune online', 'siguranța online', 'siguranță pe internet', 'pornografie infantilă',
    'sexting', 'grooming', 'jocuri video', 'telefon mobil', 'tiktok', 'instagram', 'facebook', 'youtube',
  ],
  'child participation': [
    'participare', 'participarea', 'participarea copiilor', 'vocea copilului', 'opinia copilului', 'opiniei copilului',
    'consiliul elevilor', 'consiliul copiilor', 'parlamentul copiilor', 'dreptul de a fi ascultat', 'ascultarea copilului',
    'consultarea copiilor',
  ],
  'family support': [
    'sprijin familial', 'sprijinirea familiei', 'sprijin pentru familie', 'familie', 'familia', 'familiei', 'familii', 'părinți',
    'părinții', 'părinte', 'parentalitate', 'educație parentală', 'sărăcie', 'sărăcia', 'ajutor social', 'venit minim',
    'alocație', 'alocația', 'familie monoparentală', 'divorț', 'divorțul', 'consiliere familială', 'intervenție timpurie',
    'prevenirea separării', 'serviciul public de asistență socială',
  ],
  'disability': [
    'dizabilitate', 'dizabilități', 'dizabilitățile', 'handicap', 'handicapul', 'cerințe educaționale speciale', 'ces=',
    'nevoi speciale', 'autism', 'autismul', 'adhd=', 'paralizie cerebrală', 'sindrom down', 'sindromul down',
    'întârziere în dezvoltare', 'surd', 'nevăzător', 'scaun cu rotile', 'recuperare', 'reabilitare',
  ],
  'education': [
    'școală', 'școala', 'școli', 'școlii', 'școlar', 'școlară', 'educație', 'educația', 'educației', 'învățământ', 'învățământul',
    'profesor', 'profesoară', 'profesorul', 'învățătoare', 'învățător', 'elev', 'elevi', 'elevul', 'eleva', 'abandon școlar',
    'abandonul școlar', 'absenteism', 'absențe', 'educație incluzivă', 'grădiniță', 'preșcolar', 'înscriere', 'înscrierea',
  ],
  'health': [
    'sănătate', 'sănătatea', 'sănătății', 'sănătate mintală', 'sănătatea mintală', 'spital', 'spitalul', 'medic', 'medicul',
    'medicul de familie', 'asistentă medicală', 'pediatru', 'vaccinare', 'vaccinarea', 'vaccin', 'imunizare', 'nutriție',
    'alimentație', 'malnutriție', 'boală', 'boli', 'depresie', 'anxietate', 'sinucidere', 'suicid', 'autovătămare', 'droguri',
    'alcool', 'sarcină la adolescente', 'mame adolescente', 'psiholog', 'psihologul', 'psihiatru', 'terapie',
  ],
};
