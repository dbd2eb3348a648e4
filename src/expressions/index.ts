// FEEL (feelin) for conditions and timer values: checked at deploy, evaluated without any script.
export { checkFeel, evaluateCondition, evaluateFeel, evaluateFeelValue, ExpressionError } from './feel.js';
