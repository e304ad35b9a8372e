export { popupNavigator } from './popupNavigator.ts'
