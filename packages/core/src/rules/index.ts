/** Every rule, in documentation order. */
import type { Rule } from '../rule.js';
import empathyAcknowledgement from './empathy-acknowledgement/index.js';
import inquirySummary from './inquiry-summary/index.js';
import supplierCentredWording from './supplier-centred-wording/index.js';
import bareApology from './bare-apology/index.js';
import hedgedApology from './hedged-apology/index.js';
import customerBlame from './customer-blame/index.js';
import dismissiveWording from './dismissive-wording/index.js';
import upsellInSupport from './upsell-in-support/index.js';
import refusalWithoutReason from './refusal-without-reason/index.js';
import unacknowledgedContext from './unacknowledged-context/index.js';
import acknowledgeFirst from './acknowledge-first/index.js';
import missingClosing from './missing-closing/index.js';
import sentenceLength from './sentence-length/index.js';
import doubleHonorific from './double-honorific/index.js';
import unfilledPlaceholder from './unfilled-placeholder/index.js';

export const rules: Rule[] = [
  empathyAcknowledgement,
  inquirySummary,
  supplierCentredWording,
  bareApology,
  hedgedApology,
  customerBlame,
  dismissiveWording,
  upsellInSupport,
  refusalWithoutReason,
  unacknowledgedContext,
  acknowledgeFirst,
  missingClosing,
  sentenceLength,
  doubleHonorific,
  unfilledPlaceholder,
];
