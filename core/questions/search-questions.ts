/**
 * `/search … type:qa`: the answered questions, found by the words of the
 * question and its visible answers with the library's own terms (stems as
 * prefixes, phrases, exclusions: core/search/match-terms.ts). Matched in
 * memory over the answered questions — a network's few thousand — rather
 * than through the document index, which holds the library only.
 */
import { bold, paragraph, reply, text } from '../model/reply-builders.ts';
import type { Reply } from '../model/reply.ts';
import type { CommandContext } from '../router/command.ts';
import { foldedTokens } from '../search/fold.ts';
import { excludedTerms, requiredTerms, type MatchTerm } from '../search/match-terms.ts';
import type { ParsedQuery } from '../search/parsed-query.ts';
import { topicList } from './question-cards.ts';

/** The type filter that means "the answered questions, not the library". */
export const QA_TYPE = 'qa';
const SHOWN = 10;
const EXCERPT = 160;

export function isQuestionSearch(query: ParsedQuery): boolean {
  return query.filters.types.includes(QA_TYPE);
}

function matches(tokens: string[], term: MatchTerm): boolean {
  const last = term.tokens.length - 1;
  for (let start = 0; start + last < tokens.length; start++) {
    const fits = term.tokens.every((token, index) => {
      const word = tokens[start + index]!;
      return index === last && term.prefix ? word.startsWith(token) : word === token;
    });
    if (fits) return true;
  }
  return term.orWords?.some((word) => tokens.includes(word)) ?? false;
}

export async function searchQuestions(context: CommandContext, query: ParsedQuery, typed: string): Promise<Reply> {
  const required = requiredTerms(query);
  const excluded = excludedTerms(query);
  const found = (await context.services.questions.answeredWithAnswers()).filter(({ question, answers }) => {
    const tokens = foldedTokens([question.text, ...answers].join(' '));
    return required.every((term) => matches(tokens, term)) && !excluded.some((term) => matches(tokens, term));
  });
  const { t } = context;
  if (found.length === 0) return reply([paragraph(text(t('questions.searchNone', { query: typed, command: context.command('ask') })))]);
  const items = found.slice(0, SHOWN).map(({ question, answers, accepted }) => [
    bold(question.id), text(` · ${topicList(t, question.topics)} — `),
    text(question.text.length > EXCERPT ? `${question.text.slice(0, EXCERPT - 1)}…` : question.text),
    text(` (${t('questions.answerCount', { count: answers.length })}${accepted ? `, ${t('questions.acceptedShort')}` : ''})`),
  ]);
  return reply([
    paragraph(bold(t('questions.searchFound', { count: found.length }))),
    { kind: 'list', items },
    paragraph(text(t('questions.searchHint', { command: context.command('question', found[0]!.question.id) }))),
  ]);
}
