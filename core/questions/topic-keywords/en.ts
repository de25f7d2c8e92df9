import type { TopicKeywords } from './topic-keywords.ts';

/** English. */
export const EN: TopicKeywords = {
  'violence and abuse': [
    'violence', 'violent', 'abuse', 'abused', 'abusive', 'maltreatment', 'neglect', 'neglected', 'domestic violence', 'sexual abuse',
    'bullying=', 'bullied=', 'bully=', 'corporal punishment', 'beating', 'harassment', 'rape', 'raped', 'incest', 'child marriage', 'early marriage',
  ],
  'trafficking and exploitation': [
    'trafficking', 'trafficked', 'traffickers', 'exploitation', 'exploited', 'child labour', 'child labor', 'forced labour',
    'forced labor', 'begging', 'sexual exploitation', 'prostitution', 'forced marriage', 'modern slavery',
  ],
  'children on the move': [
    'migrant', 'migrants', 'migration', 'refugee', 'refugees', 'asylum', 'asylum seeker', 'unaccompanied', 'separated children',
    'displaced', 'smuggling', 'smuggled', 'border', 'deportation', 'returnees', 'stateless', 'on the move',
  ],
  'alternative care': [
    'foster care', 'foster family', 'foster parents', 'foster', 'residential care', 'institutional care', 'orphanage',
    "children's home", 'kinship care', 'adoption', 'adopted', 'guardianship', 'guardian', 'deinstitutionalisation',
    'deinstitutionalization', 'care leavers', 'alternative care', 'small group home', 'placement=', 'placements=',
  ],
  'juvenile justice': [
    'juvenile justice', 'juvenile', 'juveniles', 'young offender', 'offender', 'offenders', 'criminal responsibility', 'detention',
    'pre-trial detention', 'diversion', 'probation', 'court', 'courts', 'police custody', 'child-friendly justice',
    'conflict with the law', 'correctional', 'restorative justice', 'prosecutor', 'witness', 'testimony',
  ],
  'online safety': [
    'online bullying', 'bullying online', 'abuse online',
    'online', 'internet', 'cyberbullying', 'social media', 'sexting', 'grooming', 'online abuse', 'child sexual abuse material',
    'csam=', 'sextortion', 'screen time', 'gaming', 'video games', 'tiktok', 'instagram', 'facebook', 'youtube', 'smartphone',
  ],
  'child participation': [
    'participation', 'child participation', "children's voice", 'voice of the child', 'consultation with children', 'youth council',
    'student council', "children's parliament", 'right to be heard', 'views of the child', 'child-led', 'involving children',
  ],
  'family support': [
    'family support', 'parenting', 'parents', 'parent', 'family', 'families', 'families at risk', 'family strengthening', 'poverty',
    'social assistance', 'child benefit', 'family benefits', 'single parent', 'home visiting', 'family counselling',
    'family preservation', 'early intervention', 'cash transfer', 'divorce', 'custody', 'social work centre',
  ],
  'disability': [
    'disability', 'disabilities', 'disabled', 'special needs', 'special educational needs', 'autism', 'autistic', 'adhd=',
    'cerebral palsy', 'down syndrome', 'intellectual disability', 'developmental delay', 'deaf', 'blind', 'wheelchair', 'impairment',
    'rehabilitation',
  ],
  'education': [
    'school', 'schools', 'education', 'teacher', 'teachers', 'pupil', 'pupils', 'students', 'classroom', 'dropout', 'drop out',
    'school attendance', 'absenteeism', 'inclusive education', 'kindergarten', 'preschool', 'early childhood education',
    'curriculum', 'enrolment', 'enrollment', 'exam=', 'exams=',
  ],
  'health': [
    'health', 'mental health', 'hospital', 'doctor', 'nurse', 'pediatrician', 'paediatrician', 'medical', 'vaccination', 'vaccine',
    'immunisation', 'immunization', 'nutrition', 'malnutrition', 'disease', 'illness', 'depression', 'anxiety', 'suicide',
    'self-harm', 'drug=', 'drugs=', 'substance abuse', 'alcohol', 'pregnancy', 'pregnant', 'psychologist', 'psychiatrist', 'therapy', 'hiv=',
  ],
};
