/**
 * The customs `Assessor` port, implemented by the risk engine: each submitted declaration version
 * is assessed and stored, and customs gets the channel, a 0–100 score and the reasons — each in
 * Vietnamese, English and Chinese with the numbers behind it — ending with how the score compares
 * with the thresholds. `assessor` is `risk-engine:<assessment id>`, the key to the full
 * assessment (`GET /api/risk/assessments/{id}`) with the model's contributions.
 */
import type { Assessment, Assessor } from '../customs/index.ts';
import type { RiskEngine } from './assessment-service.ts';
import type { AssessmentResult } from './engine/assess.ts';
import { fmt, pct, type Messages } from './engine/reasons.ts';
import { ASSESSOR_PREFIX } from './feedback.ts';
import type { StoredAssessment } from './store/assessments.ts';

/** The name the engine is plugged into customs under. */
export const ASSESSOR_NAME = 'risk-engine';

/** A reason as customs stores and shows it. */
export interface CustomsReason {
  code: string;
  /** English, for readers that know one language only. */
  message: string;
  messages: Messages;
  numbers: Record<string, number | string>;
}

/** The risk engine as the customs assessor. */
export function riskAssessor(engine: RiskEngine): Assessor {
  return {
    name: ASSESSOR_NAME,
    async assess(declaration) {
      return toCustomsAssessment(await engine.assess(declaration));
    },
  };
}

/** What customs records of a stored assessment. */
export function toCustomsAssessment(a: StoredAssessment): Assessment {
  const r = a.result;
  const reasons: CustomsReason[] = r.reasons.map((x) => ({ code: x.code, message: x.message.en, messages: x.message, numbers: x.numbers }));
  const model = modelReason(r);
  if (model) reasons.push(model);
  reasons.push(scoreReason(r));
  return { channel: r.channel, score: Math.round(r.score * 100), reasons, assessor: `${ASSESSOR_PREFIX}${a.id}` };
}

function modelReason(r: AssessmentResult): CustomsReason | null {
  if (!r.model || r.modelScore === null) return null;
  const up = r.contributions.filter((c) => c.direction === 'raises').slice(0, 3);
  const list = (lang: keyof Messages, sep: string) => up.map((c) => c.description[lang]).join(sep) || '–';
  const messages = {
    vi: `Mô hình v${r.model.version} ước tính xác suất vi phạm ${pct(r.modelScore)}; yếu tố làm tăng nhiều nhất: ${list('vi', '; ')}`,
    en: `Model v${r.model.version} puts the probability of a discrepancy at ${pct(r.modelScore)}; raised most by: ${list('en', '; ')}`,
    zh: `模型 v${r.model.version} 估计违规概率为 ${pct(r.modelScore)}；主要推高因素：${list('zh', '；')}`,
  };
  return { code: 'MODEL_SCORE', message: messages.en, messages, numbers: { probability: Number(r.modelScore.toPrecision(4)), modelVersion: r.model.version } };
}

function scoreReason(r: AssessmentResult): CustomsReason {
  const s = fmt(r.score * 100, 1);
  const y = fmt(r.thresholds.yellow.score * 100, 1);
  const red = fmt(r.thresholds.red.score * 100, 1);
  const how = r.calibration ? { vi: 'ngưỡng đã hiệu chỉnh', en: 'calibrated thresholds', zh: '校准阈值' } : { vi: 'ngưỡng của bộ quy tắc', en: "the rule set's thresholds", zh: '规则集阈值' };
  const ch = { green: { vi: 'xanh', en: 'green', zh: '绿色' }, yellow: { vi: 'vàng', en: 'yellow', zh: '黄色' }, red: { vi: 'đỏ', en: 'red', zh: '红色' } }[r.scoreChannel];
  const messages = {
    vi: `Điểm rủi ro ${s}/100 (quy tắc ${fmt(r.ruleScore * 100, 1)}${r.modelScore === null ? '' : `, mô hình ${fmt(r.modelScore * 100, 1)}`}); theo ${how.vi} (vàng ${y}, đỏ ${red}) là luồng ${ch.vi}`,
    en: `Risk score ${s}/100 (rules ${fmt(r.ruleScore * 100, 1)}${r.modelScore === null ? ', no model active' : `, model ${fmt(r.modelScore * 100, 1)}`}); by ${how.en} (yellow ${y}, red ${red}) that is ${ch.en}`,
    zh: `风险分 ${s}/100（规则 ${fmt(r.ruleScore * 100, 1)}${r.modelScore === null ? '' : `，模型 ${fmt(r.modelScore * 100, 1)}`}）；按${how.zh}（黄 ${y}，红 ${red}）为${ch.zh}通道`,
  };
  return {
    code: 'RISK_SCORE', message: messages.en, messages,
    numbers: {
      score: Number(r.score.toPrecision(4)), ruleScore: Number(r.ruleScore.toPrecision(4)), modelScore: r.modelScore === null ? '–' : Number(r.modelScore.toPrecision(4)),
      yellowThreshold: r.thresholds.yellow.score, redThreshold: r.thresholds.red.score, channelByScore: r.scoreChannel,
    },
  };
}
