import type { TopicKeywords } from './topic-keywords.ts';

/** Hungarian. */
export const HU: TopicKeywords = {
  'violence and abuse': [
    'erőszak', 'erőszakot', 'bántalmazás', 'bántalmazott', 'bántalmazása', 'elhanyagolás', 'elhanyagolt', 'családon belüli erőszak',
    'szexuális bántalmazás', 'szexuális erőszak', 'zaklatás', 'iskolai zaklatás', 'testi fenyítés', 'verés', 'nemi erőszak',
    'korai házasság', 'gyermekházasság',
  ],
  'trafficking and exploitation': [
    'emberkereskedelem', 'emberkereskedelmet', 'gyermekkereskedelem', 'kizsákmányolás', 'kizsákmányolása', 'kizsákmányolt',
    'gyermekmunka', 'kényszermunka', 'koldulás', 'koldultat', 'prostitúció', 'kényszerházasság', 'szexuális kizsákmányolás',
  ],
  'children on the move': [
    'migráns', 'migránsok', 'migráció', 'menekült', 'menekültek', 'menedékkérő', 'menedékkérők', 'menedékjog', 'kísérő nélküli',
    'embercsempészet', 'embercsempész', 'határ=', 'határon=', 'határt=', 'hontalan', 'hontalanság', 'mozgásban lévő gyermekek',
  ],
  'alternative care': [
    'nevelőszülő', 'nevelőszülői', 'nevelőszülőnél', 'nevelőcsalád', 'gyermekotthon', 'gyermekotthonban', 'lakásotthon',
    'örökbefogadás', 'örökbefogadott', 'gyámság', 'gyám', 'gyámhivatal', 'intézeti nevelés', 'nevelésbe vétel',
    'gyermekvédelmi szakellátás', 'alternatív gondoskodás', 'kiemelés', 'ideiglenes hatályú elhelyezés',
  ],
  'juvenile justice': [
    'fiatalkorú', 'fiatalkorúak', 'fiatalkorú elkövető', 'fiatalkorú bűnelkövető', 'büntetőjogi felelősség', 'büntethetőség',
    'előzetes letartóztatás', 'javítóintézet', 'javítóintézeti', 'pártfogás', 'pártfogó felügyelet', 'bíróság', 'bíróságon', 'bíró=',
    'ügyész', 'ügyészség', 'gyermekbarát igazságszolgáltatás', 'helyreállító igazságszolgáltatás', 'tanú=', 'tanúk=', 'kihallgatás',
    'büntetőeljárás', 'bűncselekmény',
  ],
  'online safety': [
    'zaklatás az interneten',
    'internet', 'interneten', 'internetes', 'online', 'közösségi média', 'közösségi oldalak', 'internetes zaklatás',
    'online zaklatás', 'cyberbullying', 'szexting', 'grooming', 'gyermekpornográfia', 'biztonságos internet', 'képernyőidő',
    'videojáték', 'okostelefon',
  ],
  'child participation': [
    'gyermekrészvétel', 'gyermeki részvétel', 'részvétel', 'részvétele', 'gyermekek bevonása', 'bevonni', 'bevonás', 'bevonása', 'a gyermek véleménye',
    'gyermek véleménye', 'gyermekparlament', 'diákönkormányzat', 'ifjúsági tanács', 'meghallgatás', 'meghallgatáshoz való jog',
  ],
  'family support': [
    'családtámogatás', 'családtámogatási', 'család', 'családok', 'családban', 'szülők', 'szülő', 'szülői', 'szülőség', 'szegénység',
    'családi pótlék', 'segély', 'egyszülős', 'gyermekét egyedül nevelő', 'válás=', 'válása=', 'családsegítés', 'családsegítő',
    'gyermekjóléti szolgálat', 'család- és gyermekjóléti központ',
  ],
  'disability': [
    'fogyatékosság', 'fogyatékossággal', 'fogyatékos', 'fogyatékkal élő', 'sajátos nevelési igény', 'sajátos nevelési igényű',
    'sni=', 'autizmus', 'autista', 'adhd=', 'hiperaktivitás', 'értelmi fogyatékosság', 'down-szindróma', 'agyi bénulás', 'siket',
    'vak', 'kerekesszék', 'rehabilitáció', 'korai fejlesztés',
  ],
  'education': [
    'iskola', 'iskolai', 'iskolában', 'iskolából', 'oktatás', 'oktatási', 'tanár', 'tanára', 'tanító', 'pedagógus', 'diák', 'diákok',
    'tanuló', 'tanulók', 'lemorzsolódás', 'iskolakerülés', 'hiányzás', 'igazolatlan hiányzás', 'befogadó oktatás', 'óvoda',
    'óvodában', 'tankötelezettség', 'beiratkozás',
  ],
  'health': [
    'egészség', 'egészségügy', 'egészségügyi', 'mentális egészség', 'lelki egészség', 'kórház', 'kórházban', 'orvos', 'orvosi',
    'védőnő', 'ápoló', 'gyermekorvos', 'oltás', 'védőoltás', 'táplálkozás', 'alultápláltság', 'betegség', 'depresszió', 'szorongás',
    'öngyilkosság', 'önsértés', 'drog', 'kábítószer', 'alkohol', 'terhesség', 'várandós', 'pszichológus', 'pszichiáter', 'terápia',
  ],
};
