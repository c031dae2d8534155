/** 与户主关系 as the 户口簿 words them; the clerk may type another. */
export const RELATIONS = ['户主', '配偶', '子女', '父母', '孙子女', '兄弟姐妹', '儿媳', '女婿', '其他'];
